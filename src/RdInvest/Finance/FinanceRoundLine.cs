using System.Text.Json.Serialization;

namespace RdInvest.Finance;

// The keys are named on every property: saved rounds hash this JSON for their fingerprint.

/// <summary>A payment found in the payments table for the same payee, rule and once-only key.</summary>
public sealed record FinancePriorPayment(
    [property: JsonPropertyName("year")] int Year,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("paid_on")] DateOnly PaidOn,
    [property: JsonPropertyName("source")] string Source);

/// <summary>
/// One claim of a finance round: the rule, the payee (a unit by credit code, or the lending institution for R15), the record
/// it comes from (<c>LENDER:LOAN_ID</c> or an event id), its once-only key (<see cref="Period"/>), the claim, the amount paid
/// after the budget, the explanation with its clauses, and why nothing is claimed when it was paid before or in this round.
/// </summary>
public sealed record FinanceRoundLine(
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("payee_kind")] string PayeeKind,
    [property: JsonPropertyName("payee_code")] string PayeeCode,
    [property: JsonPropertyName("payee_name")] string PayeeName,
    [property: JsonPropertyName("league_city_code")] string? LeagueCityCode,
    [property: JsonPropertyName("league_city")] string LeagueCity,
    [property: JsonPropertyName("record")] string Record,
    [property: JsonPropertyName("period")] string Period,
    [property: JsonPropertyName("claim")] decimal Claim,
    [property: JsonPropertyName("paid")] decimal Paid,
    [property: JsonPropertyName("explanation_zh")] string ExplanationZh,
    [property: JsonPropertyName("explanation_en")] string ExplanationEn,
    [property: JsonPropertyName("paid_before")] FinancePriorPayment? PaidBefore,
    [property: JsonPropertyName("duplicate_of")] string? DuplicateOf)
{
    public const string UnitPayee = "unit";
    public const string InstitutionPayee = "institution";

    /// <summary>The payee unit's id (unit payees), for recording the payment.</summary>
    [JsonIgnore]
    public long? UnitId { get; init; }

    /// <summary>The key of the once-only rule in the payments table: payee, rule and period.</summary>
    public static string Key(string payeeKind, string payeeCode, string rule, string period) => $"{payeeKind}:{payeeCode}|{rule}|{period}";
}

/// <summary>One rule's totals in a round.</summary>
public sealed record FinanceRoundRuleTotal(
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("lines")] int Lines,
    [property: JsonPropertyName("eligible")] int Eligible,
    [property: JsonPropertyName("claims")] decimal Claims,
    [property: JsonPropertyName("paid")] decimal Paid);

/// <summary>
/// A finance round as <c>finance-round --json</c>, the API's preview and a saved round show it (money in yuan; the scale
/// factor to 10 decimals).
/// </summary>
public sealed record FinanceRoundResult(
    [property: JsonPropertyName("year")] int Year,
    [property: JsonPropertyName("date")] DateOnly Date,
    [property: JsonPropertyName("budget")] decimal? Budget,
    [property: JsonPropertyName("total_claims")] decimal TotalClaims,
    [property: JsonPropertyName("total_paid")] decimal TotalPaid,
    [property: JsonPropertyName("remainder")] decimal? Remainder,
    [property: JsonPropertyName("scale_factor")] decimal? ScaleFactor,
    [property: JsonPropertyName("eligible")] int Eligible,
    [property: JsonPropertyName("already_paid")] int AlreadyPaid,
    [property: JsonPropertyName("by_rule")] IReadOnlyList<FinanceRoundRuleTotal> ByRule,
    [property: JsonPropertyName("lines")] IReadOnlyList<FinanceRoundLine> Lines,
    [property: JsonPropertyName("notes_zh")] IReadOnlyList<string> NotesZh,
    [property: JsonPropertyName("notes_en")] IReadOnlyList<string> NotesEn);
