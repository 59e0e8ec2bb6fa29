using System.Text.Json.Serialization;
using RdInvest.Policy;

namespace RdInvest.Subsidies;

// The keys are named on every property: saved rounds hash this JSON for their fingerprint, so the keys must not depend
// on the serializer options a caller passes.

/// <summary>One applicant of a round: R2 claim and payment after scaling, prior payments, and R1 when it holds a certificate.</summary>
public sealed record SubsidyRoundLineView(
    [property: JsonPropertyName("credit_code")] string CreditCode,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("league_city_code")] string LeagueCityCode,
    [property: JsonPropertyName("league_city")] string LeagueCity,
    [property: JsonPropertyName("rd_prev")] decimal RdPrev,
    [property: JsonPropertyName("revenue_prev")] decimal RevenuePrev,
    [property: JsonPropertyName("rd_prev2")] decimal? RdPrev2,
    [property: JsonPropertyName("claim")] decimal Claim,
    [property: JsonPropertyName("paid")] decimal Paid,
    [property: JsonPropertyName("explanation_zh")] string ExplanationZh,
    [property: JsonPropertyName("explanation_en")] string ExplanationEn,
    [property: JsonPropertyName("r2_paid_before")] decimal? R2PaidBefore,
    [property: JsonPropertyName("r1_paid_year")] int? R1PaidYear,
    [property: JsonPropertyName("r1_paid_amount")] decimal? R1PaidAmount,
    [property: JsonPropertyName("r1_paid_on")] DateOnly? R1PaidOn,
    [property: JsonPropertyName("r1_certified_on")] DateOnly? R1CertifiedOn,
    [property: JsonPropertyName("r1_first_time")] bool? R1FirstTime,
    [property: JsonPropertyName("r1_relocated")] bool? R1Relocated,
    [property: JsonPropertyName("r1_claim")] decimal? R1Claim,
    [property: JsonPropertyName("r1_explanation_zh")] string? R1ExplanationZh,
    [property: JsonPropertyName("r1_explanation_en")] string? R1ExplanationEn)
{
    public static SubsidyRoundLineView Of(SubsidyRoundLine l) => new(
        l.Applicant.CreditCode, l.Applicant.Name, l.Applicant.LeagueCityCode, l.Applicant.LeagueCityName,
        l.Applicant.RdPrev, l.Applicant.RevenuePrev, l.Applicant.RdPrev2, l.Claim.Amount, l.Paid, l.ExplanationZh, l.ExplanationEn,
        l.Applicant.R2Paid?.Amount, l.Applicant.R1Paid?.Year, l.Applicant.R1Paid?.Amount, l.Applicant.R1Paid?.PaidOn,
        l.R1Certificate?.Issued, l.R1FirstTime, l.R1Certificate?.Relocated,
        l.R1?.Amount, l.R1?.ExplanationZh(), l.R1?.ExplanationEn());
}

/// <summary>A platform's line in the round's platform section (R13, 二(四)11).</summary>
public sealed record PlatformRoundLineView(
    [property: JsonPropertyName("platform_id")] string PlatformId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("host_credit_code")] string HostCreditCode,
    [property: JsonPropertyName("host_name")] string HostName,
    [property: JsonPropertyName("league_city_code")] string LeagueCityCode,
    [property: JsonPropertyName("league_city")] string LeagueCity,
    [property: JsonPropertyName("evaluation_year")] int EvaluationYear,
    [property: JsonPropertyName("grade")] string Grade,
    [property: JsonPropertyName("claim")] decimal Claim,
    [property: JsonPropertyName("explanation_zh")] string ExplanationZh,
    [property: JsonPropertyName("explanation_en")] string ExplanationEn)
{
    public static PlatformRoundLineView Of(PlatformRoundLine l) => new(
        l.Platform.PlatformId, l.Platform.Name, l.Platform.Type, l.Platform.Level, l.Platform.HostCreditCode, l.Platform.HostName,
        l.Platform.LeagueCityCode, l.Platform.LeagueCityName, l.Platform.EvaluationYear, l.Platform.Grade, l.Claim.Amount,
        l.Claim.ExplanationZh(), l.Claim.ExplanationEn());
}

/// <summary>A league/city's totals in a round.</summary>
public sealed record SubsidyRoundCityView(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("enterprises")] int Enterprises,
    [property: JsonPropertyName("eligible")] int Eligible,
    [property: JsonPropertyName("claims")] decimal Claims,
    [property: JsonPropertyName("paid")] decimal Paid)
{
    public static SubsidyRoundCityView Of(LeagueCityTotal c) => new(c.Code, c.Name, c.Enterprises, c.Eligible, c.Claims, c.Paid);
}

/// <summary>
/// A post-subsidy round as <c>subsidy-round --json</c>, the API's preview and a saved round show it (money in yuan; the
/// scale factor to 10 decimals).
/// </summary>
public sealed record SubsidyRoundView(
    [property: JsonPropertyName("year")] int Year,
    [property: JsonPropertyName("date")] DateOnly Date,
    [property: JsonPropertyName("budget")] decimal? Budget,
    [property: JsonPropertyName("total_claims")] decimal TotalClaims,
    [property: JsonPropertyName("total_paid")] decimal TotalPaid,
    [property: JsonPropertyName("remainder")] decimal? Remainder,
    [property: JsonPropertyName("scale_factor")] decimal? ScaleFactor,
    [property: JsonPropertyName("enterprises")] int Enterprises,
    [property: JsonPropertyName("eligible")] int Eligible,
    [property: JsonPropertyName("lines")] IReadOnlyList<SubsidyRoundLineView> Lines,
    [property: JsonPropertyName("by_league_city")] IReadOnlyList<SubsidyRoundCityView> ByLeagueCity,
    [property: JsonPropertyName("notes_zh")] IReadOnlyList<string> NotesZh,
    [property: JsonPropertyName("notes_en")] IReadOnlyList<string> NotesEn,
    [property: JsonPropertyName("r1_total_claims")] decimal R1TotalClaims,
    [property: JsonPropertyName("r1_eligible")] int R1Eligible,
    [property: JsonPropertyName("r1_already_paid")] int R1AlreadyPaid,
    [property: JsonPropertyName("r2_already_paid")] int R2AlreadyPaid)
{
    /// <summary>The platform section (R13, 二(四)11), outside the R2 budget.</summary>
    [JsonPropertyName("platform_post_subsidy")]
    public IReadOnlyList<PlatformRoundLineView> PlatformPostSubsidy { get; init; } = [];

    [JsonPropertyName("platform_total_claims")]
    public decimal PlatformTotalClaims { get; init; }

    public static SubsidyRoundView Of(SubsidyRoundResult r) => new(
        r.Year, r.Date, r.Budget, r.TotalClaims, r.TotalPaid, r.Remainder,
        r.ScaleFactor is { } f ? decimal.Round(f, 10) : null,
        r.Lines.Count, r.Lines.Count(l => l.Claim.Amount > 0m),
        r.Lines.Select(SubsidyRoundLineView.Of).ToList(), r.ByLeagueCity.Select(SubsidyRoundCityView.Of).ToList(),
        r.NotesZh, r.NotesEn, r.R1TotalClaims,
        r.Lines.Count(l => l.R1?.Amount > 0m),
        r.Lines.Count(l => l.Applicant.R1Paid is not null),
        r.Lines.Count(l => l.Applicant.R2Paid is not null))
    {
        PlatformPostSubsidy = r.Platforms.Select(PlatformRoundLineView.Of).ToList(),
        PlatformTotalClaims = r.PlatformTotalClaims,
    };
}
