namespace RdInvest.Analytics;

/// <summary>
/// One measure summed over a park's member units for a year (official figures: final records only), what
/// <see cref="Parks.ParkFigureRollup"/> derives when a park reported none.
/// </summary>
public sealed class AnalyticsParkMeasure
{
    public required string ParkId { get; set; }
    public int Year { get; set; }
    public required string Measure { get; set; }
    public long Sum { get; set; }
    public int Units { get; set; }
}
