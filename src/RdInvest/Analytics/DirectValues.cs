using RdInvest.Indicators;

namespace RdInvest.Analytics;

/// <summary>Direct values of one year and one data scope: division → measure → (sum, units).</summary>
public sealed class DirectValues
{
    private readonly Dictionary<string, Dictionary<string, DirectValue>> _byDivision = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Dictionary<string, DirectValue>> ByDivision => _byDivision;

    public void Put(string division, string measure, long sum, int units)
    {
        if (!_byDivision.TryGetValue(division, out var m))
        {
            _byDivision[division] = m = new Dictionary<string, DirectValue>(StringComparer.Ordinal);
        }
        m[measure] = new DirectValue(sum, units);
    }

    public DirectValue? Get(string division, string measure) =>
        _byDivision.TryGetValue(division, out var m) && m.TryGetValue(measure, out var v) ? v : null;
}
