using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Payments;

/// <param name="Year">The payments' year (null: every year).</param>
/// <param name="Rule">One rule's payments (R1 …; null: every rule).</param>
public sealed record AwardUseReportRequest(int? Year = null, string? Rule = null);

/// <summary>
/// A payment whose use for R&amp;D is unreported or below its amount: the amount paid, the amount reported used (summed
/// over the years of use), the shortfall, and the status (<c>unreported</c> or <c>below</c>). Money in yuan.
/// </summary>
public sealed record AwardUseLine(
    [property: JsonPropertyName("payment_id")] long PaymentId,
    [property: JsonPropertyName("credit_code")] string CreditCode,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("league_city")] string LeagueCity,
    [property: JsonPropertyName("league_city_name")] string LeagueCityName,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("year")] int Year,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("used")] decimal? Used,
    [property: JsonPropertyName("shortfall")] decimal Shortfall,
    [property: JsonPropertyName("status")] string Status);

/// <summary>One league/city: payments checked, unreported, below the amount, and their shortfall (yuan).</summary>
public sealed record AwardUseLeagueTotal(
    [property: JsonPropertyName("league_city")] string LeagueCity,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("payments")] int Payments,
    [property: JsonPropertyName("unreported")] int Unreported,
    [property: JsonPropertyName("below")] int Below,
    [property: JsonPropertyName("shortfall")] decimal Shortfall);

/// <summary>The report's one JSON shape (CLI --json and API).</summary>
public sealed record AwardUseReport(
    [property: JsonPropertyName("year")] int? Year,
    [property: JsonPropertyName("rule")] string? Rule,
    [property: JsonPropertyName("clause")] string Clause,
    [property: JsonPropertyName("lines")] IReadOnlyList<AwardUseLine> Lines,
    [property: JsonPropertyName("by_league_city")] IReadOnlyList<AwardUseLeagueTotal> ByLeagueCity);

/// <summary>
/// 二(一)2 (企业获得的奖励资金100%用于研发): every incentive payment against the R&amp;D use reported for it (import kind
/// <c>award-use</c>), listing those whose use is unreported or below the amount paid, with totals per league/city (the
/// parent of the unit's county). `rdinvest payments award-use` and <c>GET /api/v1/payments/award-use</c> call it.
/// </summary>
public sealed class AwardUseReportHandler(RdInvestDb db)
{
    public const string Unreported = "unreported";
    public const string Below = "below";

    public async Task<AwardUseReport> HandleAsync(AwardUseReportRequest request, CancellationToken ct)
    {
        var rule = request.Rule is { } r ? Policy.RuleRegistry.Find(r).Id : null;
        var payments = await (from p in db.Payments.AsNoTracking()
                              join u in db.Units.AsNoTracking() on p.UnitId equals u.Id
                              where (request.Year == null || p.Year == request.Year) && (rule == null || p.RuleId == rule)
                              select new
                              {
                                  p.Id, u.CreditCode, u.Name, u.DivisionCode, p.RuleId, p.Year, p.AmountFen,
                              }).ToListAsync(ct);
        // Summed apart: a payment without any use reported is "unreported", not "0 used".
        var used = await db.AwardUses.AsNoTracking().GroupBy(a => a.PaymentId)
            .Select(g => new { PaymentId = g.Key, Fen = g.Sum(a => a.AmountFen) }).ToDictionaryAsync(x => x.PaymentId, x => x.Fen, ct);
        var divisions = await db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, ct);
        var checkedPayments = payments.Select(x => new { x.Id, x.CreditCode, x.Name, x.DivisionCode, x.RuleId, x.Year, x.AmountFen,
            Used = used.TryGetValue(x.Id, out var fen) ? fen : (long?)null }).Select(p =>
        {
            var league = Targets.ProgressHandler.LeagueCityOf(p.DivisionCode, divisions);
            var status = p.Used is null ? Unreported : p.Used < p.AmountFen ? Below : null;
            return (League: league, Line: new AwardUseLine(p.Id, p.CreditCode, p.Name, league, divisions.GetValueOrDefault(league)?.NameZh ?? league,
                p.RuleId, p.Year, Money.ToYuan(p.AmountFen), p.Used is { } used ? Money.ToYuan(used) : null,
                Money.ToYuan(Math.Max(0L, p.AmountFen - (p.Used ?? 0L))), status ?? "met"));
        }).ToList();
        var lines = checkedPayments.Where(x => x.Line.Status != "met").Select(x => x.Line)
            .OrderBy(l => l.LeagueCity, StringComparer.Ordinal).ThenBy(l => l.CreditCode, StringComparer.Ordinal).ThenBy(l => l.PaymentId).ToList();
        var totals = checkedPayments.GroupBy(x => x.League).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AwardUseLeagueTotal(g.Key, divisions.GetValueOrDefault(g.Key)?.NameZh ?? g.Key, g.Count(),
                g.Count(x => x.Line.Status == Unreported), g.Count(x => x.Line.Status == Below),
                g.Where(x => x.Line.Status != "met").Sum(x => x.Line.Shortfall)))
            .ToList();
        return new AwardUseReport(request.Year, rule, "二(一)2", lines, totals);
    }

    /// <summary>The report as a file: .xlsx (the list, totals per league/city) or .csv (the list).</summary>
    public static void Write(string path, AwardUseReport report)
    {
        static IReadOnlyDictionary<string, object?> Row(AwardUseLine l) => new Dictionary<string, object?>
        {
            ["payment_id"] = l.PaymentId, ["credit_code"] = l.CreditCode, ["name"] = l.Name, ["league_city"] = l.LeagueCity,
            ["league_city_name"] = l.LeagueCityName, ["rule"] = l.Rule, ["year"] = l.Year, ["amount"] = l.Amount, ["used"] = l.Used,
            ["shortfall"] = l.Shortfall, ["status"] = l.Status,
        };
        var rows = report.Lines.Select(Row);
        if (Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            TableWriter.Write(path, rows);
            return;
        }
        TableWriter.WriteSheets(path,
        [
            ("未足额用于研发 payments", rows),
            ("盟市合计 by league-city", report.ByLeagueCity.Select(t => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["league_city"] = t.LeagueCity, ["name"] = t.Name, ["payments"] = t.Payments, ["unreported"] = t.Unreported,
                ["below"] = t.Below, ["shortfall"] = t.Shortfall,
            })),
        ]);
    }
}
