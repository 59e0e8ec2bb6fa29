using RdInvest.Policy;

namespace RdInvest.Subsidies;

/// <summary>A round's applicants in credit-code order, and the platforms of its year (R13, outside the budget).</summary>
internal sealed record SubsidyRoundInputs(List<SubsidyApplicant> Applicants, IReadOnlyList<PlatformApplicant> Platforms);
