using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Platforms;
using RdInvest.Policy;

namespace RdInvest.Subsidies;

/// <summary>
/// Reads the platforms of a round's year (二(四)11): every platform counting in the year (<see cref="PlatformValidity"/>)
/// with an evaluation of that year or before, its host unit, and its latest such evaluation.
/// </summary>
internal sealed class PlatformRoundApplicants(RdInvestDb db)
{
    public async Task<IReadOnlyList<PlatformApplicant>> ReadAsync(int year, Func<string, (string Code, string Name)> leagueCity, CancellationToken ct)
    {
        var platforms = await db.Platforms.AsNoTracking().Where(PlatformValidity.In(year))
            .Join(db.Units.AsNoTracking(), p => p.HostUnitId, u => u.Id,
                (p, u) => new { p.Id, p.Name, p.Type, p.Level, u.CreditCode, Host = u.Name, u.DivisionCode })
            .ToListAsync(ct);
        var ids = db.Platforms.AsNoTracking().Where(PlatformValidity.In(year)).Select(p => p.Id);
        var latest = (await db.PlatformEvaluations.AsNoTracking()
                .Where(e => e.Year <= year && ids.Contains(e.PlatformId))
                .Select(e => new { e.PlatformId, e.Year, e.Grade })
                .ToListAsync(ct))
            .GroupBy(e => e.PlatformId)
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.Year)!, StringComparer.Ordinal);
        return platforms.Where(p => latest.ContainsKey(p.Id)).Select(p =>
        {
            var (code, name) = leagueCity(p.DivisionCode);
            var e = latest[p.Id];
            return new PlatformApplicant(p.Id, p.Name, p.Type, p.Level, p.CreditCode, p.Host, code, name, true, e.Year, e.Grade);
        }).ToList();
    }
}
