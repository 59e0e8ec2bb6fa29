using RdInvest.Data;

namespace RdInvest.Demo;

/// <summary>Request of <c>rdinvest demo</c> (and <c>serve --demo</c>).</summary>
public sealed record DemoRequest(int Seed = DemoOptions.DefaultSeed);

/// <summary>
/// Loads the shipped published statistics and the synthetic demo population. The schema must
/// exist; divisions are seeded here too since every synthetic unit refers to a county.
/// </summary>
public sealed class DemoHandler(RdInvestDb db, TimeProvider clock)
{
    public Task<DemoResult> HandleAsync(DemoRequest request, CancellationToken ct) =>
        DemoLoader.LoadAsync(db, new DemoOptions { Seed = request.Seed, Clock = clock }, ct);
}
