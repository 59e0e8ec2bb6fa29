using Microsoft.AspNetCore.Http.HttpResults;
using RdInvest.Accounts;
using RdInvest.Indicators;
using RdInvest.Web.Security;

namespace RdInvest.Web.Api;

public sealed record ReportingQualityItemView(string Division, string Name, int RegisteredUnits, int ReportedUnits, decimal? ReportingRate,
    int FinalRecords, decimal? FinalRate, int ImportRows, int ErrorRows, int WarningRows, decimal? ErrorRate, decimal? WarningRate);

public sealed record ReportingQualityView(int Year, IReadOnlyList<ReportingQualityItemView> Results, UnattributedImports Unattributed);

/// <summary>Reporting quality per league/city: the same figures and keys as `rdinvest reporting-quality --json`.</summary>
public static class ReportingQualityApi
{
    public static RouteGroupBuilder MapReportingQualityApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/reporting-quality").WithTags("reporting-quality");
        g.MapGet("/{year:int}", Get).RequireRoles(Roles.RegionReaders)
            .WithSummary("各盟市填报质量（填报率、审定率、导入错误率与警告率）/ reporting quality per league/city (reporting, final, import error and warning rates)");
        return g;
    }

    public static async Task<Ok<ReportingQualityView>> Get(int year, [AsParameters] ApiServices s)
    {
        var r = await new ReportingQualityHandler(s.Api.ReadDb).ReportAsync(year, s.Api.Ct);
        return TypedResults.Ok(new ReportingQualityView(r.Year, r.Results.Select(q => new ReportingQualityItemView(q.Division, q.NameZh,
            q.RegisteredUnits, q.ReportedUnits, q.ReportingRate, q.FinalRecords, q.FinalRate, q.ImportRows, q.ErrorRows, q.WarningRows,
            q.ErrorRate, q.WarningRate)).ToList(), r.Unattributed));
    }
}
