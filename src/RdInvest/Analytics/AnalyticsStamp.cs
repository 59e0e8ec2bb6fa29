namespace RdInvest.Analytics;

/// <summary>
/// The data stamp of a database: one row whose <see cref="Stamp"/> is a fresh random value written, in the writer's
/// transaction, by every write that changes what a figure read returns (records, units, certificates, platforms,
/// projects, published figures, approval transitions, plan loads, division seeds, rebuilds). Equal stamps mean equal
/// data, so a process may keep what it computed from the data under the stamp (<see cref="AnalyticsCache"/>) and
/// any process sees another's write at its next read. No row: nothing has been stamped yet and nothing is cached.
/// </summary>
public sealed class AnalyticsStamp
{
    public const int RowId = 1;

    public int Id { get; set; }
    public long Stamp { get; set; }
}
