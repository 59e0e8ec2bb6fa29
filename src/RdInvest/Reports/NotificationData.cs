using RdInvest.Assessment;
using RdInvest.Parks;
using RdInvest.Targets;

namespace RdInvest.Reports;

/// <summary>
/// A league/city line of the notification: money in yuan, rates in percent. <see cref="Target2025"/> is T2 split by
/// the base-year share; <see cref="TargetShare"/> = actual / that target × 100; <see cref="RequiredGrowth"/>
/// is the yearly growth still needed to reach it.
/// </summary>
public sealed record LeagueLine(
    string Division, string Name, decimal? RdTotal, string? RdProvenance, decimal? RdGrowth, decimal? Intensity, string? IntensityProvenance,
    decimal? Target2025, decimal? TargetShare, decimal? RequiredGrowth, decimal? Score, int? Rank, string? Grade);

/// <summary>A trajectory chart: the actual line against the target paths to the end year (T1–T4), values in yuan.</summary>
public sealed record TrajectorySeries(string Title, string Indicator, IReadOnlyList<int> Years,
    IReadOnlyList<decimal?> Actual, IReadOnlyList<(string Label, IReadOnlyList<decimal?> Values)> Paths);

/// <summary>Data notes (三(三) transparency): provenance counts, synthetic rows, as-of time and the fingerprint.</summary>
public sealed record DataNotes(
    DateTime? AsOf, int ReportedFigures, int DerivedFigures, int SyntheticRecords, int SyntheticParks, int SyntheticDivisionFigures,
    string Fingerprint, IReadOnlyList<string> Sources);

/// <summary>Everything the annual notification shows; rendered to HTML, PDF and XLSX without further queries.</summary>
public sealed record NotificationData(
    int Year, string PlanId, string PlanTitle, string DocumentNumber, int BaseYear, int EndYear,
    ProgressResult Region, IReadOnlyList<LeagueLine> Leagues, AssessResult Assessment, ParksResult Parks,
    IReadOnlyList<TrajectorySeries> Trajectories, DataNotes Notes)
{
    public IEnumerable<ParkRow> ParksBelowFloor => Parks.Parks.Where(p => p.Met == false);
}
