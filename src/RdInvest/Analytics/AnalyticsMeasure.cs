namespace RdInvest.Analytics;

/// <summary>
/// One measure's direct value for a division and year: the sum over the units registered directly in the division and
/// how many units are behind it (<see cref="Indicators.DirectValue"/>), for one data scope — official (final records
/// only) or preliminary (every record). Maintained in the same transaction as every write that changes it.
/// </summary>
public sealed class AnalyticsMeasure
{
    public required string DivisionCode { get; set; }
    public int Year { get; set; }
    public bool Preliminary { get; set; }
    public required string Measure { get; set; }
    public long Sum { get; set; }
    public int Units { get; set; }
}
