using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RdInvest.Data;

namespace RdInvest.Plans;

/// <summary>
/// Finds the plan an id names: a plan loaded into the database (<c>rdinvest plan load</c>), else a plan shipped with
/// the library. An unknown id is a user error that names every plan available. Plan files are the CLI's business:
/// only a resolver made with <c>files: true</c> reads an existing path as a plan file, so an id from an HTTP request
/// is never read as a path. Hosts make one per request (or command) and hand it to the handlers that need a plan.
/// </summary>
public sealed class PlanResolver(RdInvestDb? db, bool files = false)
{
    /// <summary>The plan every request without a plan id means.</summary>
    public const string DefaultPlan = "im-rd-2021-2025";

    /// <summary>Resolves <paramref name="id"/> (null or empty = the default plan); without a database only files and built-in plans.</summary>
    public async Task<Plan> ResolveAsync(string? id, CancellationToken ct)
    {
        id = string.IsNullOrWhiteSpace(id) ? DefaultPlan : id;
        if (files && File.Exists(id))
        {
            return PlanLoader.Load(id);
        }
        var stored = db is null ? [] : await StoredAsync(db, ct);
        if (stored.FirstOrDefault(p => p.Id == id) is { } row)
        {
            return Parsed(row.Source, row.Id);
        }
        var builtIn = PlanLoader.BuiltInFiles().Select(f => Parsed(f.Text, f.Name)).ToList();
        if (builtIn.FirstOrDefault(p => p.Id == id) is { } plan)
        {
            return plan;
        }
        var available = stored.Select(p => p.Id).Concat(builtIn.Select(p => p.Id)).Distinct().Order(StringComparer.Ordinal).ToList();
        throw new PlanException(
            $"没有方案 {id}；可用方案：{string.Join("、", available)}（rdinvest plan load FILE 载入新方案）",
            $"no plan {id}; available plans: {string.Join(", ", available)} (load one with rdinvest plan load FILE)");
    }

    /// <summary>
    /// A plan parsed once per distinct text: plans are immutable records, and every dashboard read resolves the default
    /// plan, so parsing its YAML on each request would cost more than the read itself. A changed text is a new entry.
    /// </summary>
    private static Plan Parsed(string text, string name)
    {
        var key = (name, text);
        if (s_parsed.TryGetValue(key, out var plan))
        {
            return plan;
        }
        plan = PlanLoader.Parse(text, name);
        if (s_parsed.Count >= 64)
        {
            s_parsed.Clear();
        }
        s_parsed[key] = plan;
        return plan;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Name, string Text), Plan> s_parsed = new();

    /// <summary>The plans in the database; none when the database has no schema yet.</summary>
    private static async Task<List<PlanRecord>> StoredAsync(RdInvestDb db, CancellationToken ct)
    {
        try
        {
            return await db.Plans.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
        }
        catch (DbException)
        {
            // A database without the schema (never initialised) has no plans: fall back to the built-in ones.
            return [];
        }
    }
}
