using RdInvest.Data;
using RdInvest.Plans;

namespace RdInvest.Analytics;

/// <summary>
/// The leading-industry prefixes (T11) the analytics tables are computed with: the default plan's in force on
/// 31 December of each year. A read under another plan whose prefixes differ computes that year from the records.
/// </summary>
public static class AnalyticsPlan
{
    public static Task<Plan> DefaultAsync(RdInvestDb db, CancellationToken ct) => new PlanResolver(db).ResolveAsync(null, ct);

    public static IReadOnlyList<string>? Leading(Plan plan, int year) => Platforms.LeadingIndustries.Of(plan, year);

    public static string Join(IReadOnlyList<string>? prefixes) => prefixes is null ? "" : string.Join(",", prefixes);

    public static IReadOnlyList<string>? Split(string stored) => stored.Length == 0 ? null : stored.Split(',');
}
