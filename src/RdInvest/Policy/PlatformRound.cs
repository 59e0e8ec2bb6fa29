using RdInvest.Plans;
using RdInvest.Policy.Rules;

namespace RdInvest.Policy;

/// <summary>A platform in a round (二(四)11): where it stands and the latest evaluation up to the round's year.</summary>
public sealed record PlatformApplicant(
    string PlatformId, string Name, string Type, string Level, string HostCreditCode, string HostName,
    string LeagueCityCode, string LeagueCityName, bool Valid, int EvaluationYear, string Grade);

/// <summary>A platform's line in a round: its post-subsidy claim with the explanation.</summary>
public sealed record PlatformRoundLine(PlatformApplicant Platform, RuleResult Claim);

/// <summary>
/// The platform section of a subsidy round: platform-post-subsidy (R13, 二(四)11) for every platform counting in the year
/// with an evaluation, with the parameters in force on 31 December. It is paid outside the R2 budget. Pure.
/// </summary>
public static class PlatformRound
{
    public static IReadOnlyList<PlatformRoundLine> Compute(int year, IEnumerable<PlatformApplicant> platforms, Plan plan)
    {
        var context = new RuleContext(plan, new DateOnly(year, 12, 31));
        return platforms
            .OrderBy(p => p.PlatformId, StringComparer.Ordinal)
            .Select(p => new PlatformRoundLine(p,
                PlatformPostSubsidy.Evaluate(new PlatformPostSubsidy.Input(p.Level, p.Grade, p.Valid, p.EvaluationYear), context)))
            .ToList();
    }
}
