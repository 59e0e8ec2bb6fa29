using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RdInvest.Auditing;
using RdInvest.Data;

namespace RdInvest.Plans;

/// <summary>
/// Keeps plan files in the database: the file text is the source, the target and parameter rows make them
/// queryable. Loading the same text again changes nothing; a load that changes a plan is audited (action
/// <c>plan.load</c>, with the file name and the SHA-256 of the old and new text) in the same transaction.
/// </summary>
public sealed class PlanStore(RdInvestDb db, TimeProvider clock)
{
    public sealed record LoadResult(string PlanId, bool Changed);

    public async Task<LoadResult> SaveAsync(string text, string fileName, Actor actor, CancellationToken ct)
    {
        var plan = PlanLoader.Parse(text, fileName);
        var sha = PlanLoader.Sha256(text);
        var existing = await db.Plans.FirstOrDefaultAsync(p => p.Id == plan.Id, ct);
        if (existing?.Sha256 == sha)
        {
            return new LoadResult(plan.Id, false);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var old = existing is null ? null : new { title = existing.Title, sha256 = existing.Sha256, loaded_at = existing.LoadedAt };
        if (existing is null)
        {
            existing = new PlanRecord { Id = plan.Id, Title = plan.TitleZh, DocumentNumber = plan.DocumentNumber, Source = text, Sha256 = sha };
            db.Plans.Add(existing);
        }
        existing.Title = plan.TitleZh;
        existing.DocumentNumber = plan.DocumentNumber;
        existing.BaseYear = plan.BaseYear;
        existing.EndYear = plan.EndYear;
        existing.Source = text;
        existing.Sha256 = sha;
        existing.LoadedAt = clock.GetUtcNow().UtcDateTime;
        await db.PlanTargets.Where(t => t.PlanId == plan.Id).ExecuteDeleteAsync(ct);
        await db.PlanParameters.Where(t => t.PlanId == plan.Id).ExecuteDeleteAsync(ct);
        db.PlanTargets.AddRange(TargetRows(plan));
        db.PlanParameters.AddRange(plan.Parameters.Values.SelectMany(p => p.Values).Select(v => new PlanParameterValue
        {
            PlanId = plan.Id,
            Name = v.Name,
            EffectiveFrom = v.EffectiveFrom,
            Value = v.Value.ToJsonString(),
            Clause = v.Clause,
            IsDefault = v.IsDefault,
        }));
        AuditLog.Append(db, actor, "plan.load", "plan", plan.Id, old,
            new { title = plan.TitleZh, document_number = plan.DocumentNumber, base_year = plan.BaseYear, end_year = plan.EndYear, sha256 = sha },
            existing.LoadedAt, sourceFile: fileName, sourceSha256: sha);
        await AuditChain.SealAsync(db, ct);
        await Analytics.AnalyticsRefresh.AfterPlanLoadAsync(db, ct);
        await tx.CommitAsync(ct);
        return new LoadResult(plan.Id, true);
    }

    private static IEnumerable<PlanTargetRecord> TargetRows(Plan plan)
    {
        foreach (var t in plan.Targets)
        {
            if (t.Value is { } v)
            {
                yield return Row(t, v, null);
            }
            foreach (var (category, cv) in t.ValuesByCategory ?? new Dictionary<string, decimal>())
            {
                yield return Row(t, cv, category);
            }
        }

        PlanTargetRecord Row(PlanTarget t, decimal value, string? category) => new()
        {
            PlanId = plan.Id,
            TargetId = t.Id,
            Clause = t.Clause,
            Indicator = t.Indicator,
            Scope = t.Scope,
            Kind = t.Kind,
            Value = value.ToString(CultureInfo.InvariantCulture),
            Unit = t.Unit,
            Category = category,
        };
    }

    public async Task<IReadOnlyList<PlanRecord>> ListAsync(CancellationToken ct) =>
        await db.Plans.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);

    /// <summary>The plan an id names, as <see cref="PlanResolver"/> finds it (stored, else built in).</summary>
    public Task<Plan> GetAsync(string? id, CancellationToken ct) => new PlanResolver(db).ResolveAsync(id, ct);

    /// <summary>Loads every plan shipped with the library.</summary>
    public async Task<IReadOnlyList<LoadResult>> LoadBuiltInAsync(Actor actor, CancellationToken ct)
    {
        var results = new List<LoadResult>();
        foreach (var (name, text) in PlanLoader.BuiltInFiles())
        {
            results.Add(await SaveAsync(text, name, actor, ct));
        }
        return results;
    }
}
