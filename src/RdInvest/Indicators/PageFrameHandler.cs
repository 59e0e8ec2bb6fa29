using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Data;

namespace RdInvest.Indicators;

/// <summary>
/// What every page's frame shows: the years with data, the data's as-of time for the year (the latest update of a
/// record or published figure of that year), and the name of the user's scope in both languages.
/// </summary>
public sealed record PageFrame(IReadOnlyList<int> Years, DateTime? AsOf, string ScopeZh, string ScopeEn);

public sealed class PageFrameHandler(RdInvestDb db)
{
    public const string RegionCode = "150000";

    public async Task<PageFrame> HandleAsync(int? year, UserScope? user, CancellationToken ct)
    {
        var years = await new IndicatorsHandler(db).YearsAsync(ct);
        var y = year is { } v && years.Contains(v) ? v : years.Count > 0 ? years[^1] : 0;
        var asOf = (await Analytics.AnalyticsCache.GetAsync(db, await Analytics.AnalyticsStamps.ReadAsync(db, ct), ("as-of", y), async () =>
        {
            var records = await db.RdRecords.AsNoTracking().Where(r => r.Year == y).MaxAsync(r => (DateTime?)r.UpdatedAt, ct);
            var figures = await db.DivisionFigures.AsNoTracking().Where(r => r.Year == y).MaxAsync(r => (DateTime?)r.UpdatedAt, ct);
            return new AsOf(records is null ? figures : figures is null ? records : records > figures ? records : figures);
        })).At;
        var (zh, en) = await ScopeNameAsync(user, ct);
        return new PageFrame(years, asOf, zh, en);
    }

    /// <summary>A year's as-of time, boxed for the cache (kept under the data stamp: one scan per year after each write).</summary>
    private sealed record AsOf(DateTime? At);

    /// <summary>The division a user's dashboard shows: the county, the league/city, or the region.</summary>
    public static string HomeDivision(UserScope user) =>
        user.Role is Roles.CityOfficer or Roles.CountyOfficer && user.Scope is { } s ? s : RegionCode;

    private async Task<(string Zh, string En)> ScopeNameAsync(UserScope? user, CancellationToken ct)
    {
        if (user is null)
        {
            return ("", "");
        }
        switch (Roles.ScopeKind(user.Role))
        {
            case "league_city" or "county":
                var d = await db.Divisions.AsNoTracking().Where(x => x.Code == user.Scope).Select(x => new { x.NameZh, x.NameEn }).FirstOrDefaultAsync(ct);
                return d is null ? (user.Scope ?? "", user.Scope ?? "") : (d.NameZh, d.NameEn);
            case "park":
                var p = await db.Parks.AsNoTracking().Where(x => x.Id == user.Scope).Select(x => x.Name).FirstOrDefaultAsync(ct);
                return (p ?? user.Scope ?? "", p ?? user.Scope ?? "");
            case "credit_code":
                var u = await db.Units.AsNoTracking().Where(x => x.CreditCode == user.Scope).Select(x => x.Name).FirstOrDefaultAsync(ct);
                return (u ?? user.Scope ?? "", u ?? user.Scope ?? "");
            default:
                var r = await db.Divisions.AsNoTracking().Where(x => x.Code == RegionCode).Select(x => new { x.NameZh, x.NameEn }).FirstOrDefaultAsync(ct);
                return r is null ? ("", "") : (r.NameZh, r.NameEn);
        }
    }
}
