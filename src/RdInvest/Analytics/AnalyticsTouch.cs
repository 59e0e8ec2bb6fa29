namespace RdInvest.Analytics;

/// <summary>
/// What a write touched: the divisions whose units' records changed, extra parks (a unit leaving a park), and the years
/// (null: every year the tables hold, for a write not tied to one year such as a unit moving or a certificate).
/// The refresh recomputes every division in <see cref="Divisions"/> × every year in <see cref="Years"/>, and the parks of
/// those divisions' units plus <see cref="Parks"/>.
/// </summary>
public sealed record AnalyticsTouch(IReadOnlySet<string> Divisions, IReadOnlySet<string> Parks, IReadOnlySet<int>? Years)
{
    public static readonly AnalyticsTouch None = new(new HashSet<string>(), new HashSet<string>(), new HashSet<int>());

    public bool IsEmpty => Divisions.Count == 0 && Parks.Count == 0;

    public static AnalyticsTouch Of(string division, string? park, int? year) => new(
        new HashSet<string>(StringComparer.Ordinal) { division },
        park is null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal) { park },
        year is { } y ? new HashSet<int> { y } : null);

    public AnalyticsTouch Union(AnalyticsTouch other) => new(
        Divisions.Union(other.Divisions, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal),
        Parks.Union(other.Parks, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal),
        Years is null || other.Years is null ? null : Years.Union(other.Years).ToHashSet());
}
