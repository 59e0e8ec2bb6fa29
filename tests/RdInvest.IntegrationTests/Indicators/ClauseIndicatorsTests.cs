using RdInvest.Data;
using RdInvest.Indicators;
using Xunit;

namespace RdInvest.IntegrationTests.Indicators;

/// <summary>The indicators of clauses 二(一)2 (gov_st_rd_share), 二(二)6 (R&amp;D reserve share) and 二(一)3 (projects by mode).</summary>
public sealed class ClauseIndicatorsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ReportingUnit Unit(int i, string division, bool aboveScale = true) => new()
    {
        CreditCode = RdInvest.Common.CreditCode.Complete($"91150102MA00001{i:00}"), Name = $"单位{i}", Sector = Sectors.Enterprise,
        DivisionCode = division, IndustryCode = "C38", AboveScale = aboveScale, UpdatedAt = DateTime.UtcNow,
    };

    [Fact]
    public async Task GovStRdShare_PerDivisionYear_RatioOrNullWithTheReason()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        await using var db = t.Open();
        var now = DateTime.UtcNow;
        db.DivisionFigures.AddRange(
            // 呼和浩特 2023: 8,000万 of 32,000万 S&T spending → 25 %.
            new DivisionFigure { DivisionCode = "150100", Year = 2023, GovFundsFen = 80_000_000_00, GovStSpendingFen = 320_000_000_00, UpdatedAt = now },
            // 包头 2023: S&T spending published as 0 → null, zero denominator.
            new DivisionFigure { DivisionCode = "150200", Year = 2023, GovFundsFen = 1_000_00, GovStSpendingFen = 0, UpdatedAt = now },
            // 乌海 2023: no S&T spending published → null, with that reason.
            new DivisionFigure { DivisionCode = "150300", Year = 2023, GovFundsFen = 1_000_00, UpdatedAt = now });
        await db.SaveChangesAsync(Ct);

        var h = new IndicatorsHandler(db);
        var hohhot = (await h.HandleAsync(new IndicatorsRequest("150100", 2023), Ct)).Indicators["gov_st_rd_share"];
        Assert.Equal((25m, "%", "reported"), (hohhot.Value, hohhot.Unit, hohhot.Provenance));
        var baotou = (await h.HandleAsync(new IndicatorsRequest("150200", 2023), Ct)).Indicators["gov_st_rd_share"];
        Assert.Equal((null, "zero denominator"), (baotou.Value, baotou.Reason));
        var wuhai = (await h.HandleAsync(new IndicatorsRequest("150300", 2023), Ct)).Indicators["gov_st_rd_share"];
        Assert.Equal((null, "no government S&T spending reported", "无财政科学技术支出数据"), (wuhai.Value, wuhai.Reason, wuhai.ReasonZh));
    }

    [Fact]
    public async Task RdReserveShare_OverAboveScaleEnterprisesThatReportedTheFlag()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        await using var db = t.Open();
        var units = Enumerable.Range(1, 6).Select(i => Unit(i, "150102", aboveScale: i != 6)).ToList();
        db.Units.AddRange(units);
        await db.SaveChangesAsync(Ct);
        bool?[] flags = [true, false, true, false, null, true];
        for (var i = 0; i < units.Count; i++)
        {
            db.RdRecords.Add(new UnitRdRecord
            {
                UnitId = units[i].Id, Year = 2023, RdTotalFen = 100_00, HasRdReserve = flags[i], Status = DataStatuses.Final, UpdatedAt = DateTime.UtcNow,
            });
        }
        await db.SaveChangesAsync(Ct);

        var v = (await new IndicatorsHandler(db).HandleAsync(new IndicatorsRequest("150102", 2023), Ct)).Indicators["above_scale_rd_reserve_share"];
        // Units 1–5 are above scale; 1–4 reported the flag, 2 of them have a reserve: 2 / 4 = 50 %. Unit 6 (not above scale) does not count.
        Assert.Equal((50m, "derived", 4), (v.Value, v.Provenance, v.Units));
        // The league/city above it rolls up the same units.
        Assert.Equal(50m, (await new IndicatorsHandler(db).HandleAsync(new IndicatorsRequest("150100", 2023), Ct)).Indicators["above_scale_rd_reserve_share"].Value);
        var none = (await new IndicatorsHandler(db).HandleAsync(new IndicatorsRequest("150202", 2023), Ct)).Indicators["above_scale_rd_reserve_share"];
        Assert.Equal((null, "no above-scale industrial enterprise reported the R&D-reserve flag"), (none.Value, none.Reason));
    }

    [Fact]
    public async Task ProjectsByMode_CountsEachModeAndTheUnstated_T5Unchanged()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        await using var db = t.Open();
        var enterprise = Unit(1, "150102");
        var institute = Unit(2, "150102");
        institute.Sector = Sectors.Institute;
        db.Units.AddRange(enterprise, institute);
        await db.SaveChangesAsync(Ct);
        string?[] modes = [ProjectModes.Competitive, ProjectModes.Competitive, ProjectModes.OpenCall, ProjectModes.Directed, null];
        for (var i = 0; i < modes.Length; i++)
        {
            db.Projects.Add(new MajorProject
            {
                Id = $"2023ZD{i}", Year = 2023, Title = $"项目{i}", LeadUnitId = i < 3 ? enterprise.Id : institute.Id, Mode = modes[i], UpdatedAt = DateTime.UtcNow,
            });
        }
        await db.SaveChangesAsync(Ct);

        var r = (await new IndicatorsHandler(db).HandleAsync(new IndicatorsRequest("150000", 2023), Ct)).Indicators;
        Assert.Equal([2m, 1m, 1m, 0m, 1m],
            new[] { "projects_competitive", "projects_directed", "projects_open_call", "projects_other", "projects_mode_unstated" }.Select(k => r[k].Value));
        // T5's indicator is unchanged by the modes: 3 of 5 led by enterprises.
        Assert.Equal(60m, r["major_project_enterprise_share"].Value);
    }
}
