using System.CommandLine;
using System.Text;
using RdInvest.Cli;
using RdInvest.Cli.Commands;
using RdInvest.Common;

Console.OutputEncoding = Encoding.UTF8;

var root = new RootCommand("rdinvest — 研发投入攻坚行动管理平台 / R&D investment drive platform");
root.Options.Add(Cli.Db);
// The table of contents: one line per feature.
root.Subcommands.Add(DbCommands.Build());
root.Subcommands.Add(PlanCommands.Build());
root.Subcommands.Add(CalcCommands.Build());
root.Subcommands.Add(SubsidyRoundCommand.Build());
root.Subcommands.Add(FinanceRoundCommand.Build());
root.Subcommands.Add(PaymentCommands.Build());
root.Subcommands.Add(DivisionCommands.Build());
root.Subcommands.Add(IndicatorCommands.Indicators());
root.Subcommands.Add(IndicatorCommands.Progress());
root.Subcommands.Add(QualityCommands.Reconcile());
root.Subcommands.Add(QualityCommands.Outliers());
root.Subcommands.Add(QualityCommands.ReportingQuality());
root.Subcommands.Add(UserCommands.Build());
root.Subcommands.Add(AuditCommands.Build());
root.Subcommands.Add(BackupCommand.Build());
root.Subcommands.Add(RestoreCommand.Build());
root.Subcommands.Add(ImportCommands.Build());
root.Subcommands.Add(ApprovalCommands.Build());
root.Subcommands.Add(ExportCommands.Build());
root.Subcommands.Add(ParkCommands.Parks());
root.Subcommands.Add(ParkCommands.Assess());
root.Subcommands.Add(ReportCommands.Build());
root.Subcommands.Add(FinanceCommands.Build());
root.Subcommands.Add(ServeCommand.Build());
root.Subcommands.Add(DemoCommand.Build());
root.Subcommands.Add(AnalyticsCommands.Build());

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var e in parsed.Errors)
    {
        Console.Error.WriteLine($"用法错误 / usage error: {e.Message}");
    }
    return 2;
}
try
{
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (UserError e)
{
    Cli.Error(e.MessageZh, e.MessageEn);
    return e.ExitCode;
}
catch (Exception e) when (RdInvest.Data.DatabaseUnavailable.Is(e))
{
    Cli.Error($"{RdInvest.Data.DatabaseUnavailable.Zh}（{e.GetBaseException().Message}）", $"{RdInvest.Data.DatabaseUnavailable.En} ({e.GetBaseException().Message})");
    return 1;
}
catch (Exception e) when (RdInvest.Data.StorageFailure.Describe(e) is { } storage)
{
    Cli.Error($"{storage.Zh}（{e.GetBaseException().Message}）", $"{storage.En} ({e.GetBaseException().Message})");
    return 1;
}
catch (OperationCanceledException)
{
    Cli.Error("已取消", "cancelled");
    return 130;
}
catch (Exception e) when (Environment.GetEnvironmentVariable("RDINVEST_DEBUG") is null)
{
    // Never a stack trace for a user; RDINVEST_DEBUG=1 shows it to a developer.
    Cli.Error($"内部错误：{e.Message}（设置 RDINVEST_DEBUG=1 查看详情）", $"internal error: {e.Message} (set RDINVEST_DEBUG=1 for details)");
    return 3;
}
