namespace RdInvest.Indicators;

/// <summary>Where a value came from: published, or summed from units and child divisions.</summary>
public sealed record Provenance(string Kind, int Units, int Divisions)
{
    public const string ReportedKind = "reported";
    public const string DerivedKind = "derived";
    public static readonly Provenance Reported = new(ReportedKind, 0, 0);
    public bool IsReported => Kind == ReportedKind;
}

public sealed record RolledValue(long Value, Provenance Provenance);

/// <summary>
/// The aggregation rule, pure: for a division, a reported figure wins; otherwise the value is the sum over its
/// child divisions (recursively, each by the same rule) and the units registered directly in it.
/// </summary>
public sealed class Rollup
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _children;
    private readonly IReadOnlyDictionary<string, DivisionInputs> _inputs;
    // Shared between readers when kept in the analytics cache: a concurrent memo (a value may be worked out twice, never differently).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), RolledValue?> _memo = new();

    public Rollup(IReadOnlyDictionary<string, IReadOnlyList<string>> children, IReadOnlyDictionary<string, DivisionInputs> inputs)
    {
        _children = children;
        _inputs = inputs;
    }

    public DivisionInputs InputsOf(string division) => _inputs.GetValueOrDefault(division) ?? DivisionInputs.Empty;

    public RolledValue? Value(string division, string measure)
    {
        if (_memo.TryGetValue((division, measure), out var cached))
        {
            return cached;
        }
        var result = Compute(division, measure);
        _memo[(division, measure)] = result;
        return result;
    }

    private RolledValue? Compute(string division, string measure)
    {
        var inputs = InputsOf(division);
        if (inputs.Reported.TryGetValue(measure, out var reported))
        {
            return new RolledValue(reported, Provenance.Reported);
        }
        return DerivedOnly(division, measure);
    }

    /// <summary>
    /// The sum the division's units and child divisions give, ignoring the division's own reported figure: what
    /// reconciliation compares a published figure with.
    /// </summary>
    public RolledValue? DerivedOnly(string division, string measure)
    {
        var inputs = InputsOf(division);
        long sum = 0;
        int units = 0, divisions = 0;
        var any = false;
        if (!Measure.ReportedOnly(measure) && inputs.Direct.TryGetValue(measure, out var direct) && direct.Units > 0)
        {
            sum = checked(sum + direct.Sum);
            units += direct.Units;
            any = true;
        }
        foreach (var child in _children.GetValueOrDefault(division) ?? [])
        {
            if (Value(child, measure) is not { } v)
            {
                continue;
            }
            sum = checked(sum + v.Value);
            divisions++;
            units += v.Provenance.Units;
            any = true;
        }
        if (Measure.ReportedOnly(measure) && divisions < (_children.GetValueOrDefault(division)?.Count ?? 0))
        {
            // GDP and fiscal spending are only known as published; a partial sum over some children would understate them.
            return null;
        }
        return any ? new RolledValue(sum, new Provenance(Provenance.DerivedKind, units, divisions)) : null;
    }
}
