namespace RdInvest.Analytics;

/// <summary>
/// A year the analytics tables hold completely (every division and park). <see cref="LeadingPrefixes"/> are the
/// leading-industry prefixes the T11 measures were computed with (the default plan's, comma-separated; empty when none).
/// A year not listed is read from the records directly.
/// </summary>
public sealed class AnalyticsYear
{
    public int Year { get; set; }
    public required string LeadingPrefixes { get; set; }
}
