using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Indicators;
using Xunit;

namespace RdInvest.IntegrationTests.Indicators;

/// <summary>
/// On a generated population, indicators from the SQL roll-up equal an independent computation done here with
/// LINQ to objects over the same rows (a different code path: no GROUP BY, no Rollup class).
/// </summary>
public sealed class IndicatorsPopulationTests
{
    private sealed record Pop(List<Division> Divisions, List<ReportingUnit> Units, List<UnitRdRecord> Records,
        List<Certification> Certs, List<MajorProject> Projects, List<DivisionFigure> Figures);

    private static async Task<Pop> GenerateAsync(TestDatabase t)
    {
        await t.InitAsync();
        await using var db = t.Open();
        var divisions = await db.Divisions.AsNoTracking().ToListAsync();
        var counties = divisions.Where(d => d.Level == DivisionLevels.County).Select(d => d.Code).ToList();
        var leagues = divisions.Where(d => d.Level == DivisionLevels.LeagueCity).Select(d => d.Code).ToList();
        var rnd = new Random(20261125);
        var sectors = Sectors.All;
        string[] industries = ["C38", "C26", "B06", "D44", "F51", "I65", "M73"];
        var units = new List<ReportingUnit>();
        for (var i = 0; i < 240; i++)
        {
            var body = "91150" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + "MA0" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            units.Add(new ReportingUnit
            {
                CreditCode = CreditCode.Complete(body[..17]),
                Name = $"测试单位{i}",
                Sector = sectors[rnd.Next(sectors.Count)],
                // Every tenth unit is registered at a league/city itself, not in a county.
                DivisionCode = i % 10 == 0 ? leagues[rnd.Next(leagues.Count)] : counties[rnd.Next(counties.Count)],
                IndustryCode = industries[rnd.Next(industries.Length)],
                AboveScale = rnd.Next(2) == 0,
                UpdatedAt = DateTime.UtcNow,
            });
        }
        db.Units.AddRange(units);
        await db.SaveChangesAsync();
        var records = new List<UnitRdRecord>();
        foreach (var u in units)
        {
            for (var y = 2020; y <= 2023; y++)
            {
                if (rnd.Next(6) == 0)
                {
                    continue;
                }
                var total = rnd.Next(3) == 0 ? 0L : rnd.NextInt64(1_000_00, 50_000_000_00);
                var gov = rnd.Next(5) == 0 ? (long?)null : total / 4;
                records.Add(new UnitRdRecord
                {
                    UnitId = u.Id,
                    Year = y,
                    RdTotalFen = total,
                    GovFundsFen = gov,
                    RevenueFen = rnd.Next(8) == 0 ? null : rnd.NextInt64(10_000_000_00, 900_000_000_00),
                    HasRdInstitution = rnd.Next(3) == 0,
                    UpdatedAt = DateTime.UtcNow,
                });
            }
        }
        db.RdRecords.AddRange(records);
        var certs = new List<Certification>();
        foreach (var u in units.Where(_ => rnd.Next(3) == 0))
        {
            var issued = new DateOnly(2017 + rnd.Next(7), 1 + rnd.Next(12), 1 + rnd.Next(28));
            certs.Add(new Certification
            {
                UnitId = u.Id, Kind = CertificationKinds.HighTech, Number = $"GR{u.Id}",
                Issued = issued, Expires = rnd.Next(4) == 0 ? issued.AddYears(1) : null, UpdatedAt = DateTime.UtcNow,
            });
            var tsmeYear = 2020 + rnd.Next(4);
            certs.Add(new Certification
            {
                UnitId = u.Id, Kind = CertificationKinds.TechSme, Number = $"T{tsmeYear}-{u.Id}",
                Issued = new DateOnly(tsmeYear, 3, 1), UpdatedAt = DateTime.UtcNow,
            });
        }
        db.Certifications.AddRange(certs);
        var projects = new List<MajorProject>();
        for (var i = 0; i < 60; i++)
        {
            projects.Add(new MajorProject
            {
                Id = $"P{i}", Year = 2021 + (i % 3), Title = $"项目{i}", LeadUnitId = units[rnd.Next(units.Count)].Id, UpdatedAt = DateTime.UtcNow,
            });
        }
        db.Projects.AddRange(projects);
        var figures = new List<DivisionFigure>
        {
            new() { DivisionCode = "150200", Year = 2022, RdTotalFen = 77_5000_0000_00, UpdatedAt = DateTime.UtcNow },
        };
        db.DivisionFigures.AddRange(figures);
        await db.SaveChangesAsync();
        return new Pop(divisions, units, records, certs, projects, figures);
    }

    // ---- the independent computation ----
    private static long? RdTotal(Pop p, string division, int year)
    {
        var reported = p.Figures.FirstOrDefault(f => f.DivisionCode == division && f.Year == year)?.RdTotalFen;
        if (reported is not null)
        {
            return reported;
        }
        var unitIds = p.Units.Where(u => u.DivisionCode == division).Select(u => u.Id).ToHashSet();
        var direct = p.Records.Where(r => r.Year == year && unitIds.Contains(r.UnitId)).ToList();
        var children = p.Divisions.Where(d => d.ParentCode == division).Select(d => RdTotal(p, d.Code, year)).Where(v => v is not null).ToList();
        if (direct.Count == 0 && children.Count == 0)
        {
            return null;
        }
        return direct.Sum(r => r.RdTotalFen) + children.Sum(v => v!.Value);
    }

    private static HashSet<string> Subtree(Pop p, string division)
    {
        var set = new HashSet<string> { division };
        foreach (var c in p.Divisions.Where(d => d.ParentCode == division))
        {
            set.UnionWith(Subtree(p, c.Code));
        }
        return set;
    }

    private static List<ReportingUnit> UnitsUnder(Pop p, string division)
    {
        var sub = Subtree(p, division);
        return p.Units.Where(u => sub.Contains(u.DivisionCode)).ToList();
    }

    public static TheoryData<string, int> Cases() => new()
    {
        { "150000", 2021 }, { "150000", 2022 }, { "150000", 2023 },
        { "150100", 2022 }, { "150200", 2022 }, { "150200", 2023 }, { "152500", 2021 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Indicators_GeneratedPopulation_EqualAnIndependentComputation(string division, int year)
    {
        await using var t = await TestDatabase.CreateAsync();
        var p = await GenerateAsync(t);
        await using var db = t.Open();
        var result = await new IndicatorsHandler(db).HandleAsync(new IndicatorsRequest(division, year), TestContext.Current.CancellationToken);
        var ind = result.Indicators;

        // rd_total with reported precedence (150200 in 2022 is reported).
        var expectedTotal = RdTotal(p, division, year);
        Assert.Equal(expectedTotal is { } et ? Money.ToYuan(et) : null, ind["rd_total"].Value);
        var prev = RdTotal(p, division, year - 1);
        if (expectedTotal is { } cur && prev is { } pv && pv != 0)
        {
            Assert.Equal(Math.Round(100m * ((decimal)cur / pv - 1m), 4), ind["rd_growth"].Value);
        }

        // Everything below is derived only (no reported figures of these measures in the population).
        var units = UnitsUnder(p, division);
        var ids = units.Select(u => u.Id).ToHashSet();
        var recs = p.Records.Where(r => r.Year == year && ids.Contains(r.UnitId)).ToList();
        var byId = p.Units.ToDictionary(u => u.Id);
        var govRecs = recs.Where(r => r.GovFundsFen is not null).ToList();
        Assert.Equal(govRecs.Count == 0 ? null : Money.ToYuan(govRecs.Sum(r => r.GovFundsFen!.Value)), ind["rd_gov_funds"].Value);
        if (!Subtree(p, division).Contains("150200") || year != 2022)
        {
            Assert.Equal(recs.Count == 0 ? null : Money.ToYuan(recs.Where(r => byId[r.UnitId].Sector == Sectors.Enterprise).Sum(r => r.RdTotalFen)),
                ind["rd_enterprise"].Value);
        }

        var yearEnd = new DateOnly(year, 12, 31);
        var hte = p.Certs.Where(c => ids.Contains(c.UnitId) && c.Kind == CertificationKinds.HighTech && c.Issued <= yearEnd
            && (c.Expires ?? c.Issued.AddYears(3).AddDays(-1)) >= yearEnd).Select(c => c.UnitId).Distinct().Count();
        Assert.Equal(hte == 0 ? null : hte, ind["hte_count"].Value);
        var tsme = p.Certs.Count(c => ids.Contains(c.UnitId) && c.Kind == CertificationKinds.TechSme && c.Issued.Year == year);
        Assert.Equal(tsme == 0 ? null : tsme, ind["tsme_count"].Value);

        var industrial = recs.Where(r => byId[r.UnitId] is { AboveScale: true, Sector: Sectors.Enterprise } u
            && u.IndustryCode![0] is 'B' or 'C' or 'D').ToList();
        if (industrial.Count > 0)
        {
            Assert.Equal(Math.Round(100m * industrial.Count(r => r.RdTotalFen > 0) / industrial.Count, 4), ind["above_scale_rd_active_share"].Value);
            Assert.Equal(Math.Round(100m * industrial.Count(r => r.HasRdInstitution == true) / industrial.Count, 4), ind["above_scale_rd_institution_share"].Value);
            var revenue = industrial.Sum(r => r.RevenueFen ?? 0);
            Assert.Equal(revenue == 0 ? null : Math.Round(100m * industrial.Sum(r => r.RdTotalFen) / revenue, 4), ind["enterprise_rd_revenue_ratio"].Value);
        }
        else
        {
            Assert.Null(ind["above_scale_rd_active_share"].Value);
        }

        var projects = p.Projects.Where(x => x.Year == year && ids.Contains(x.LeadUnitId)).ToList();
        Assert.Equal(projects.Count == 0 ? null : Math.Round(100m * projects.Count(x => byId[x.LeadUnitId].Sector == Sectors.Enterprise) / projects.Count, 4),
            ind["major_project_enterprise_share"].Value);
    }
}
