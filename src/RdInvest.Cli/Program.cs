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
root.Subcommands.Add(DivisionCommands.Build());
root.Subcommands.Add(ImportCommands.Build());
root.Subcommands.Add(ExportCommands.Build());
root.Subcommands.Add(ServeCommand.Build());

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
    return await parsed.InvokeAsync();
}
catch (UserError e)
{
    Cli.Error(e.MessageZh, e.MessageEn);
    return e.ExitCode;
}
