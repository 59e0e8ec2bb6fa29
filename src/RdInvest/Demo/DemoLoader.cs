using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Divisions;

namespace RdInvest.Demo;

/// <summary>
/// Loads the demo: the real published figures (authoritative, <c>IsSynthetic = false</c>) and a synthetic
/// population (<c>IsSynthetic = true</c> on every row). Running it again replaces the synthetic rows and
/// re-applies the published ones, so nothing is ever duplicated.
/// </summary>
public static class DemoLoader
{
    public static async Task<DemoResult> LoadAsync(RdInvestDb db, DemoOptions opts, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var now = opts.Clock.GetUtcNow().UtcDateTime;
        // The published upsert is small; change detection is switched off so it never scans stale tracked rows.
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await ReferenceData.SeedDivisionsAsync(db, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var (published, publishedInserted) = await LoadPublishedAsync(db, now, ct);
            var replaced = await RemoveSyntheticAsync(db, ct);

            var existingCodes = await db.Units.AsNoTracking().Select(u => u.CreditCode).ToListAsync(ct);
            var pop = new DemoGenerator(opts, existingCodes).Generate();

            await BulkInsert.InsertAsync(db, pop.Parks, ct);
            await BulkInsert.InsertAsync(db, pop.Units, ct);
            // The generator refers to units by index; swap in the ids the database just assigned.
            var ids = pop.Units.Select(u => u.Id).ToArray();
            foreach (var r in pop.Records)
            {
                r.UnitId = ids[r.UnitId];
            }
            foreach (var c in pop.Certifications)
            {
                c.UnitId = ids[c.UnitId];
            }
            foreach (var p in pop.Projects)
            {
                p.LeadUnitId = ids[p.LeadUnitId];
            }
            foreach (var p in pop.Platforms)
            {
                p.HostUnitId = ids[p.HostUnitId];
            }
            await BulkInsert.InsertAsync(db, pop.Records, ct);
            await AddFinalApprovalsAsync(db, pop, now, ct);
            await BulkInsert.InsertAsync(db, pop.Certifications, ct);
            await BulkInsert.InsertAsync(db, pop.ParkFigures, ct);
            await BulkInsert.InsertAsync(db, pop.Projects, ct);
            await BulkInsert.InsertAsync(db, pop.Platforms, ct);
            await BulkInsert.InsertAsync(db, pop.PlatformEvaluations, ct);
            foreach (var l in pop.Loans)
            {
                l.BorrowerUnitId = ids[l.BorrowerUnitId];
            }
            foreach (var e in pop.Financing)
            {
                e.UnitId = ids[e.UnitId];
            }
            await BulkInsert.InsertAsync(db, pop.Institutions, ct);
            await BulkInsert.InsertAsync(db, pop.Loans, ct);
            await BulkInsert.InsertAsync(db, pop.Financing, ct);

            var result = new DemoResult(
                opts.Seed, published, publishedInserted, pop.Units.Count, pop.Records.Count,
                pop.Certifications.Count(c => c.Kind == CertificationKinds.HighTech),
                pop.Certifications.Count(c => c.Kind == CertificationKinds.TechSme),
                pop.Parks.Count, pop.ParkFigures.Count, pop.Projects.Count, replaced,
                Summarise(pop), watch.Elapsed);
            // The chain sealer updates tracked entries, so change detection is back on for it.
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            Auditing.AuditLog.Append(db, opts.Actor, "demo.load", "demo", opts.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), null, new
            {
                seed = opts.Seed,
                published_figures = published,
                published_inserted = publishedInserted,
                synthetic_units = result.Units,
                synthetic_rd_records = result.RdRecords,
                synthetic_parks = result.Parks,
                synthetic_projects = result.Projects,
                replaced_units = replaced,
            }, now);
            await Auditing.AuditChain.SealAsync(db, ct);
            await Analytics.AnalyticsRefresh.RebuildAsync(db, ct);
            await tx.CommitAsync(ct);
            return result;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>Upserts the published figures by (division, year); they are the same real numbers every time.</summary>
    private static async Task<(int Total, int Inserted)> LoadPublishedAsync(RdInvestDb db, DateTime now, CancellationToken ct)
    {
        var existing = await db.DivisionFigures.ToDictionaryAsync(f => (f.DivisionCode, f.Year), ct);
        var inserted = 0;
        foreach (var row in ReferenceData.OfficialFigures)
        {
            if (!existing.TryGetValue((row.DivisionCode, row.Year), out var f))
            {
                f = new DivisionFigure { DivisionCode = row.DivisionCode, Year = row.Year, UpdatedAt = now };
                ReferenceData.Apply(row, f);
                db.DivisionFigures.Add(f);
                inserted++;
                continue;
            }
            var before = Snapshot(f);
            ReferenceData.Apply(row, f);
            if (Snapshot(f) != before)
            {
                f.UpdatedAt = now;
                f.Revision++;
                db.Entry(f).State = EntityState.Modified;
            }
        }
        await SaveAsync(db, ct);
        return (ReferenceData.OfficialFigures.Count, inserted);
    }

    private static string Snapshot(DivisionFigure f) => string.Join('|', new object?[]
    {
        f.RdTotalFen, f.BasicFen, f.AppliedFen, f.ExperimentalFen, f.RdEnterpriseFen, f.RdInstituteFen, f.RdUniversityFen,
        f.GdpFen, f.RdIntensityBp4, f.GovStSpendingFen, f.Source, f.Status, f.IsSynthetic,
    }.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// Deletes the previous synthetic population, children first. Rows that hang off a synthetic unit go too,
    /// since they cannot outlive it; real units placed in a synthetic park are detached, not deleted.
    /// </summary>
    private static async Task<int> RemoveSyntheticAsync(RdInvestDb db, CancellationToken ct)
    {
        var synthetic = db.Units.Where(u => u.IsSynthetic).Select(u => u.Id);
        var syntheticParks = db.Parks.Where(p => p.IsSynthetic).Select(p => p.Id);
        await db.Projects.Where(p => p.IsSynthetic || synthetic.Contains(p.LeadUnitId)).ExecuteDeleteAsync(ct);
        var syntheticInstitutions = db.Institutions.Where(i => i.IsSynthetic).Select(i => i.Code);
        await db.Loans.Where(l => l.IsSynthetic || synthetic.Contains(l.BorrowerUnitId) || syntheticInstitutions.Contains(l.LenderCode)).ExecuteDeleteAsync(ct);
        await db.FinancingEvents.Where(e => e.IsSynthetic || synthetic.Contains(e.UnitId)).ExecuteDeleteAsync(ct);
        await db.FinancingEvents.Where(e => e.InstitutionCode != null && syntheticInstitutions.Contains(e.InstitutionCode))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.InstitutionCode, (string?)null), ct);
        await db.Institutions.Where(i => i.IsSynthetic).ExecuteDeleteAsync(ct);
        var syntheticPlatforms = db.Platforms.Where(p => p.IsSynthetic || synthetic.Contains(p.HostUnitId)).Select(p => p.Id);
        await db.PlatformEvaluations.Where(e => e.IsSynthetic || syntheticPlatforms.Contains(e.PlatformId)).ExecuteDeleteAsync(ct);
        await db.Platforms.Where(p => p.IsSynthetic || synthetic.Contains(p.HostUnitId)).ExecuteDeleteAsync(ct);
        await db.Certifications.Where(c => c.IsSynthetic || synthetic.Contains(c.UnitId)).ExecuteDeleteAsync(ct);
        await db.RdRecords.Where(r => r.IsSynthetic || synthetic.Contains(r.UnitId)).ExecuteDeleteAsync(ct);
        await db.ParkFigures.Where(f => f.IsSynthetic || syntheticParks.Contains(f.ParkId)).ExecuteDeleteAsync(ct);
        await db.Units.Where(u => !u.IsSynthetic && u.ParkId != null && syntheticParks.Contains(u.ParkId))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ParkId, (string?)null), ct);
        var removed = await db.Units.Where(u => u.IsSynthetic).ExecuteDeleteAsync(ct);
        await db.Parks.Where(p => p.IsSynthetic).ExecuteDeleteAsync(ct);
        return removed;
    }

    /// <summary>
    /// The demo's records are final (published history): each of their county-years gets its final approval row, so the
    /// lock, the approval queue and a region admin's reopen see them as any finalised county-year. A county-year that
    /// already has a row (reopened, say) keeps it, and its records take its status.
    /// </summary>
    private static async Task AddFinalApprovalsAsync(RdInvestDb db, DemoPopulation pop, DateTime now, CancellationToken ct)
    {
        var division = pop.Units.ToDictionary(u => u.Id, u => u.DivisionCode);
        var countyYears = pop.Records.Where(r => r.Status == DataStatuses.Final)
            .Select(r => (County: division[r.UnitId], r.Year)).Distinct().ToList();
        var existing = (await db.Approvals.AsNoTracking().Select(a => new { a.CountyCode, a.Year, a.Status }).ToListAsync(ct))
            .ToDictionary(a => (a.CountyCode, a.Year), a => a.Status);
        var history = System.Text.Json.JsonSerializer.Serialize(new[]
        {
            new Approval.ApprovalStep(now, "demo", Approval.ApprovalActions.Finalise, DataStatuses.Draft, DataStatuses.Final, "演示数据 / demo data"),
        });
        foreach (var (county, year) in countyYears)
        {
            if (existing.TryGetValue((county, year), out var status))
            {
                if (status != DataStatuses.Final)
                {
                    await db.RdRecords.Where(r => r.IsSynthetic && r.Year == year && db.Units.Any(u => u.Id == r.UnitId && u.DivisionCode == county))
                        .ExecuteUpdateAsync(x => x.SetProperty(r => r.Status, status), ct);
                }
                continue;
            }
            db.Approvals.Add(new CountyApproval
            {
                CountyCode = county, Year = year, Status = DataStatuses.Final, History = history, UpdatedAt = now,
            });
        }
        await SaveAsync(db, ct);
    }

    private static async Task SaveAsync(RdInvestDb db, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        // Saved rows need no tracking; clearing keeps each batch as cheap as the first.
        db.ChangeTracker.Clear();
    }

    private static List<DemoYearSummary> Summarise(DemoPopulation pop)
    {
        var years = new List<DemoYearSummary>();
        // Called after the ids were assigned, so UnitId and LeadUnitId are database ids here.
        var enterprises = pop.Units.Where(u => u.Sector == Sectors.Enterprise).Select(u => u.Id).ToHashSet();
        for (var year = DemoGenerator.FirstYear; year <= DemoGenerator.LastYear; year++)
        {
            var records = pop.Records.Where(r => r.Year == year).ToList();
            var yearEnd = new DateOnly(year, 12, 31);
            var projects = pop.Projects.Where(p => p.Year == year).ToList();
            years.Add(new DemoYearSummary(
                year,
                Common.Money.ToYuan(records.Sum(r => r.RdTotalFen)),
                records.Count(r => r.RdTotalFen > 0),
                pop.Certifications.Where(c => c.Kind == CertificationKinds.HighTech && c.Issued <= yearEnd && c.Expires > yearEnd)
                    .Select(c => c.UnitId).Distinct().Count(),
                pop.Certifications.Count(c => c.Kind == CertificationKinds.TechSme && c.Issued.Year == year),
                projects.Count,
                projects.Count(p => enterprises.Contains(p.LeadUnitId))));
        }
        return years;
    }
}
