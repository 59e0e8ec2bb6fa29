namespace RdInvest.Analytics;

/// <summary>One year's direct values in both data scopes.</summary>
public sealed record YearDirect(int Year, DirectValues Final, DirectValues Preliminary)
{
    public DirectValues Of(bool preliminary) => preliminary ? Preliminary : Final;
}
