using RdInvest.Policy.Rules;

namespace RdInvest.Policy;

/// <summary>
/// R2's amount without its explanation, for a round over every enterprise: the same arithmetic as
/// <see cref="PostSubsidy.Evaluate"/> (tier by rd ≥ min × revenue, base + 10 % of the increase, capped, rounded to the
/// yuan half away from zero), with the parameters read once for the round's date instead of once per enterprise.
/// </summary>
public sealed class SubsidyRoundAmounts(RuleContext context)
{
    private IReadOnlyList<PostSubsidy.Tier>? _tiers;
    private decimal? _incrementRate;
    private decimal? _cap;

    public decimal Claim(decimal rdPrev, decimal revenuePrev, decimal? rdPrev2)
    {
        if (rdPrev <= 0m || revenuePrev <= 0m)
        {
            return RuleFormat.ToYuan(0m);
        }
        _tiers ??= PostSubsidy.ReadTiers(context.Parameter("post_subsidy.tiers").Value);
        PostSubsidy.Tier? tier = null;
        for (var i = _tiers.Count - 1; i >= 0; i--)
        {
            if (rdPrev >= _tiers[i].Min * revenuePrev)
            {
                tier = _tiers[i];
                break;
            }
        }
        var @base = rdPrev * (tier?.Rate ?? 0m);
        var increment = 0m;
        if (rdPrev2 is { } prev2)
        {
            _incrementRate ??= context.Parameter("post_subsidy.increment_rate").AsDecimal();
            increment = Math.Max(0m, rdPrev - prev2) * _incrementRate.Value;
        }
        _cap ??= context.Parameter("post_subsidy.cap").AsDecimal();
        return RuleFormat.ToYuan(Math.Min(@base + increment, _cap.Value));
    }
}
