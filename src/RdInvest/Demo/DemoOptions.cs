namespace RdInvest.Demo;

/// <summary>How the synthetic demo population is generated. The same seed always gives the same data.</summary>
public sealed record DemoOptions
{
    /// <summary>Default seed: the plan's document number, 内政办发〔2021〕35号.</summary>
    public const int DefaultSeed = 2021_035;

    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Number of synthetic reporting units (at least one enterprise per county is guaranteed).</summary>
    public int UnitCount { get; init; } = 2000;

    /// <summary>Stamps UpdatedAt; injected so tests can fix it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Who loads the demo, for the audit log.</summary>
    public Auditing.Actor Actor { get; init; } = Auditing.Actor.Cli();
}

/// <summary>Synthetic figures per year, for the summary the command prints.</summary>
public sealed record DemoYearSummary(
    int Year,
    decimal RdTotalYuan,
    int UnitsWithRd,
    int HteValidAtYearEnd,
    int TsmeRegistered,
    int Projects,
    int EnterpriseLedProjects);

/// <summary>What <see cref="DemoLoader"/> wrote.</summary>
public sealed record DemoResult(
    int Seed,
    int PublishedFigures,
    int PublishedInserted,
    int Units,
    int RdRecords,
    int HteCertificates,
    int TsmeRegistrations,
    int Parks,
    int ParkFigures,
    int Projects,
    int ReplacedUnits,
    IReadOnlyList<DemoYearSummary> Years,
    TimeSpan Elapsed);
