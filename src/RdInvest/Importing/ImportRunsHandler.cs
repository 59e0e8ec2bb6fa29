using Microsoft.EntityFrameworkCore;
using RdInvest.Accounts;
using RdInvest.Data;

namespace RdInvest.Importing;

/// <summary>One import of the log (import_runs): who, when, which file, accepted or not, and its counts.</summary>
public sealed record ImportRunView(long Id, string Kind, string File, string Actor, DateTime At, bool Accepted, int Rows, int Errors, int Warnings);

/// <summary>
/// The recent imports a user may see in the import log: every run for region roles; a league/city officer's own runs
/// and those with rows attributed to its league/city; anyone else's own runs only.
/// </summary>
public sealed class ImportRunsHandler(RdInvestDb db)
{
    public async Task<IReadOnlyList<ImportRunView>> HandleAsync(UserScope user, int take, CancellationToken ct)
    {
        var q = db.ImportRuns.AsNoTracking();
        if (!user.IsIn(Roles.RegionReaders))
        {
            var league = user.Role == Roles.CityOfficer ? user.Scope : null;
            q = q.Where(r => r.Actor == user.Name
                || league != null && db.ImportRunDivisions.Any(d => d.RunId == r.Id && d.LeagueCityCode == league));
        }
        return await q.OrderByDescending(r => r.Id).Take(take)
            .Select(r => new ImportRunView(r.Id, r.Kind, r.File, r.Actor, r.At, r.Accepted, r.Rows, r.Errors, r.Warnings))
            .ToListAsync(ct);
    }
}
