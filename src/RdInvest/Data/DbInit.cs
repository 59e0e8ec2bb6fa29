using RdInvest.Divisions;
using RdInvest.Plans;

namespace RdInvest.Data;

public sealed record DbInitResult(string Database, int Divisions, IReadOnlyList<PlanStore.LoadResult> Plans);

/// <summary>
/// `rdinvest db init`: creates or upgrades the schema and loads the reference data (divisions, the shipped
/// plans). Running it twice changes nothing.
/// </summary>
public sealed class DbInitHandler(RdInvestDb db, DbTarget target, TimeProvider clock)
{
    public async Task<DbInitResult> HandleAsync(CancellationToken ct)
    {
        await Schema.EnsureAsync(db, ct);
        var seeded = await ReferenceData.SeedDivisionsAsync(db, ct);
        var plans = await new PlanStore(db, clock).LoadBuiltInAsync(Auditing.Actor.Cli(), ct);
        return new DbInitResult(target.Describe(), seeded.Inserted + seeded.Updated, plans);
    }
}
