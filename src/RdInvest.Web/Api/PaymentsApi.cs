using Microsoft.AspNetCore.Http.HttpResults;
using RdInvest.Accounts;
using RdInvest.Payments;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

/// <summary>
/// Incentive payments against their use for R&amp;D (二(一)2): the report of payments whose use is unreported or below the
/// amount, per league/city — the same handler as `rdinvest payments award-use`. Readers of subsidy rounds read it.
/// </summary>
public static class PaymentsApi
{
    public static RouteGroupBuilder MapPaymentsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/payments").WithTags("payments").RequireRoles(Roles.SubsidyReaders);
        g.MapGet("/award-use", AwardUse)
            .WithSummary("奖励资金用于研发：未报告或低于发放额的发放记录及各盟市合计（?year=&rule=；?format=xlsx 或 csv 下载）/ payments whose R&D use is unreported or below the amount, per league/city (?format=xlsx|csv to download)");
        return g;
    }

    public static async Task<Results<Ok<AwardUseReport>, FileContentHttpResult>> AwardUse(int? year, string? rule, string? format, [AsParameters] ApiServices s)
    {
        var report = await new AwardUseReportHandler(s.Api.Db).HandleAsync(new AwardUseReportRequest(year, rule), s.Api.Ct);
        if (format is not ("xlsx" or "csv"))
        {
            return TypedResults.Ok(report);
        }
        var dir = Directory.CreateTempSubdirectory("rdinvest-award-use-");
        try
        {
            var name = "award-use." + format;
            var path = Path.Combine(dir.FullName, name);
            AwardUseReportHandler.Write(path, report);
            var bytes = await File.ReadAllBytesAsync(path, s.Api.Ct);
            return TypedResults.File(bytes, format == "csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
