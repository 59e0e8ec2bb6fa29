using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Divisions;

public sealed record DivisionQuery(string? Level, string? Parent);

public sealed record DivisionItem(string Code, string NameZh, string NameEn, string Level, string? ParentCode);

/// <summary>Lists administrative divisions (GB/T 2260), optionally by level or parent.</summary>
public sealed class DivisionQueryHandler(RdInvestDb db)
{
    public async Task<IReadOnlyList<DivisionItem>> HandleAsync(DivisionQuery q, CancellationToken ct)
    {
        if (q.Level is { } level && !DivisionLevels.All.Contains(level))
        {
            throw new UserError($"层级 {level} 无效，应为 region、league_city 或 county", $"level {level} is not one of region, league_city, county", 2);
        }
        var query = db.Divisions.AsNoTracking();
        if (q.Level is { } l)
        {
            query = query.Where(d => d.Level == l);
        }
        if (q.Parent is { } p)
        {
            if (!await db.Divisions.AnyAsync(d => d.Code == p, ct))
            {
                throw new UserError($"没有行政区划 {p}", $"no division {p}");
            }
            query = query.Where(d => d.ParentCode == p);
        }
        return await query.OrderBy(d => d.Code)
            .Select(d => new DivisionItem(d.Code, d.NameZh, d.NameEn, d.Level, d.ParentCode))
            .ToListAsync(ct);
    }
}
