namespace RdInvest.Data;

/// <summary>
/// TEMPORARY (demo branch): creates the schema from the model so <c>rdinvest demo</c> runs before
/// <c>rdinvest db init</c> and the migrations exist. Replace this body with <c>MigrateAsync</c> at merge.
/// </summary>
public static class Schema
{
    public static async Task EnsureAsync(RdInvestDb db, CancellationToken ct) => await db.Database.EnsureCreatedAsync(ct);
}
