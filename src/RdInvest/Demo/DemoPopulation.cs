using RdInvest.Data;

namespace RdInvest.Demo;

/// <summary>
/// The synthetic population, in memory. Rows that point at a unit carry the unit's index in <see cref="Units"/>
/// in their UnitId / LeadUnitId until the loader replaces it with the database id.
/// </summary>
internal sealed class DemoPopulation
{
    public List<Park> Parks { get; } = [];
    public List<ReportingUnit> Units { get; } = [];
    public List<UnitRdRecord> Records { get; } = [];
    public List<Certification> Certifications { get; } = [];
    public List<ParkFigure> ParkFigures { get; } = [];
    public List<MajorProject> Projects { get; } = [];
    /// <summary>Platforms carry their host unit's index in HostUnitId until the loader replaces it.</summary>
    public List<Platforms.Platform> Platforms { get; } = [];
    public List<Platforms.PlatformEvaluation> PlatformEvaluations { get; } = [];
    public List<Finance.FinancialInstitution> Institutions { get; } = [];
    /// <summary>Loans and financing events carry their unit's index in BorrowerUnitId / UnitId until the loader replaces it.</summary>
    public List<Finance.Loan> Loans { get; } = [];
    public List<Finance.FinancingEvent> Financing { get; } = [];
}
