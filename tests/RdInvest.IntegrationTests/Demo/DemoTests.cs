using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Demo;
using RdInvest.Divisions;
using Xunit;

namespace RdInvest.IntegrationTests.Demo;

/// <summary>A fresh database (SQLite file, or PostgreSQL under RDINVEST_TEST_PG) with the schema, dropped afterwards.</summary>
public sealed class TempSqliteDb : IAsyncDisposable
{
    private TestDatabase? _db;

    public DbTarget Target => (_db ?? throw new InvalidOperationException("OpenAsync first")).Target;

    public async Task<RdInvestDb> OpenAsync(CancellationToken ct)
    {
        _db ??= await TestDatabase.CreateAsync();
        var db = Target.CreateContext();
        await Schema.EnsureAsync(db, ct);
        return db;
    }

    public ValueTask DisposeAsync() => _db?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// <summary>One demo load shared by the read-only checks: loading takes a second or two.</summary>
public sealed class DemoFixture : IAsyncLifetime
{
    public TempSqliteDb File { get; } = new();
    public DemoResult Result { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await using var db = await File.OpenAsync(CancellationToken.None);
        Result = await DemoLoader.LoadAsync(db, DemoTests.Options(DemoOptions.DefaultSeed), CancellationToken.None);
    }

    public ValueTask DisposeAsync() => File.DisposeAsync();
}

public sealed class DemoTests(DemoFixture fixture) : IClassFixture<DemoFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static DemoOptions Options(int seed) =>
        new() { Seed = seed, Clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero)) };

    [Fact]
    public async Task SeedDivisions_Twice_Has116DivisionsWithCorrectParents()
    {
        await using var file = new TempSqliteDb();
        await using var db = await file.OpenAsync(Ct);

        var first = await ReferenceData.SeedDivisionsAsync(db, Ct);
        var second = await ReferenceData.SeedDivisionsAsync(db, Ct);

        Assert.Equal(116, first.Inserted);
        Assert.Equal((0, 0), (second.Inserted, second.Updated));
        var all = await db.Divisions.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(116, all.Count);
        Assert.Equal(1, all.Count(d => d.Level == DivisionLevels.Region));
        Assert.Equal(12, all.Count(d => d.Level == DivisionLevels.LeagueCity));
        Assert.Equal(103, all.Count(d => d.Level == DivisionLevels.County));
        var byCode = all.ToDictionary(d => d.Code);
        Assert.Null(byCode["150000"].ParentCode);
        Assert.All(all.Where(d => d.Level == DivisionLevels.LeagueCity), d => Assert.Equal("150000", d.ParentCode));
        Assert.All(all.Where(d => d.Level == DivisionLevels.County),
            d => Assert.Equal(DivisionLevels.LeagueCity, byCode[d.ParentCode!].Level));
        Assert.Equal("150200", byCode["150203"].ParentCode);
    }

    [Fact]
    public async Task SeedDivisions_ChangedName_IsRestored()
    {
        await using var file = new TempSqliteDb();
        await using var db = await file.OpenAsync(Ct);
        await ReferenceData.SeedDivisionsAsync(db, Ct);
        await db.Divisions.Where(d => d.Code == "150100").ExecuteUpdateAsync(s => s.SetProperty(d => d.NameZh, "旧名"), Ct);
        db.ChangeTracker.Clear();

        var result = await ReferenceData.SeedDivisionsAsync(db, Ct);

        Assert.Equal((0, 1), (result.Inserted, result.Updated));
        Assert.Equal("呼和浩特市", await db.Divisions.Where(d => d.Code == "150100").Select(d => d.NameZh).SingleAsync(Ct));
    }

    [Fact]
    public async Task Demo_SameSeedInTwoFiles_GivesIdenticalData()
    {
        await using var fileA = new TempSqliteDb();
        await using var fileB = new TempSqliteDb();
        await using var a = await fileA.OpenAsync(Ct);
        await using var b = await fileB.OpenAsync(Ct);

        await DemoLoader.LoadAsync(a, Options(7), Ct);
        await DemoLoader.LoadAsync(b, Options(7), Ct);

        Assert.Equal(await Fingerprint(a), await Fingerprint(b));
    }

    [Fact]
    public async Task Demo_DifferentSeed_GivesDifferentData()
    {
        await using var file = new TempSqliteDb();
        await using var db = await file.OpenAsync(Ct);

        await DemoLoader.LoadAsync(db, Options(8), Ct);

        await using var shared = fixture.File.Target.CreateContext();
        Assert.NotEqual(await Fingerprint(shared), await Fingerprint(db));
    }

    [Fact]
    public async Task Demo_RunTwice_DoesNotDuplicate()
    {
        await using var file = new TempSqliteDb();
        await using var db = await file.OpenAsync(Ct);

        await DemoLoader.LoadAsync(db, Options(3), Ct);
        var first = await Fingerprint(db);
        db.ChangeTracker.Clear();
        var second = await DemoLoader.LoadAsync(db, Options(3), Ct);

        Assert.Equal(first, await Fingerprint(db));
        Assert.Equal(0, second.PublishedInserted);
        Assert.Equal(2000, second.ReplacedUnits);
        Assert.Equal(ReferenceData.OfficialFigures.Count, await db.DivisionFigures.CountAsync(Ct));
        // Each load is one audit entry with what it wrote, sealed into the chain.
        var loads = await db.Audit.AsNoTracking().Where(a => a.Action == "demo.load").OrderBy(a => a.Seq).ToListAsync(Ct);
        Assert.Equal(2, loads.Count);
        Assert.Contains("\"replaced_units\":2000", loads[1].NewValues, StringComparison.Ordinal);
        Assert.True((await RdInvest.Auditing.AuditChain.VerifyAsync(db, Ct)).Intact);
    }

    [Fact]
    public async Task Demo_Units_CoverAllCountiesAndSectors()
    {
        await using var db = fixture.File.Target.CreateContext();
        var units = await db.Units.AsNoTracking().ToListAsync(Ct);

        Assert.InRange(units.Count, 1900, 2100);
        Assert.Equal(103, units.Select(u => u.DivisionCode).Distinct().Count());
        Assert.Equal(Sectors.All.Order(), units.Select(u => u.Sector).Distinct().Order());
        Assert.True(units.Count(u => u.Sector == Sectors.Enterprise) > units.Count / 2);
        Assert.Contains(units, u => u.AboveScale);
        Assert.Contains(units, u => u.StateOwned);
        Assert.Contains(units, u => u.ParkId != null);
        Assert.All(units, u =>
        {
            Assert.True(u.IsSynthetic);
            Assert.StartsWith("（示例）", u.Name, StringComparison.Ordinal);
            Assert.Matches("^[A-T][0-9]{4}$", u.IndustryCode!);
        });
        Assert.Contains(units, u => u.IndustryCode!.StartsWith('C'));
        Assert.Equal(units.Count, units.Select(u => u.CreditCode).Distinct().Count());
    }

    [Fact]
    public async Task Demo_CreditCodes_AreValidWithEmbeddedOrganisationCheck()
    {
        await using var db = fixture.File.Target.CreateContext();
        var codes = await db.Units.Select(u => new { u.CreditCode, u.DivisionCode }).ToListAsync(Ct);

        Assert.All(codes, c =>
        {
            var check = CreditCode.Check(c.CreditCode);
            Assert.Equal(CreditCodeStatus.Valid, check.Status);
            Assert.False(check.OrganisationCodeCheckMismatch);
            Assert.Equal(c.DivisionCode, c.CreditCode[2..8]);
        });
    }

    [Fact]
    public async Task Demo_RdRecords_SplitsSumExactlyToTotal()
    {
        await using var db = fixture.File.Target.CreateContext();
        var records = await db.RdRecords.AsNoTracking().ToListAsync(Ct);

        Assert.InRange(records.Count, 11_000, 13_000);
        Assert.Equal(Enumerable.Range(2019, 6), records.Select(r => r.Year).Distinct().Order());
        Assert.All(records, r =>
        {
            Assert.True(r.IsSynthetic);
            Assert.Equal(r.RdTotalFen, r.GovFundsFen + r.EnterpriseFundsFen + r.ForeignFundsFen + r.OtherFundsFen);
            Assert.Equal(r.RdTotalFen, r.BasicFen + r.AppliedFen + r.ExperimentalFen);
            Assert.Equal(r.RdTotalFen, r.PersonnelCostFen + r.CapitalCostFen + r.OtherCostFen);
            Assert.True(new[] { r.GovFundsFen, r.EnterpriseFundsFen, r.ForeignFundsFen, r.OtherFundsFen, r.BasicFen, r.AppliedFen,
                r.ExperimentalFen, r.PersonnelCostFen, r.CapitalCostFen, r.OtherCostFen }.All(v => v >= 0));
        });
    }

    [Fact]
    public async Task Demo_RegionSyntheticTotal_IsOfPublishedOrderAndGrows()
    {
        await using var db = fixture.File.Target.CreateContext();
        var byYear = await db.RdRecords.GroupBy(r => r.Year)
            .Select(g => new { Year = g.Key, Fen = g.Sum(r => r.RdTotalFen) }).OrderBy(x => x.Year).ToListAsync(Ct);

        var y2022 = Money.ToYuan(byYear.Single(x => x.Year == 2022).Fen);
        Assert.InRange(y2022, 100_0000_0000m, 400_0000_0000m);
        for (var i = 1; i < byYear.Count; i++)
        {
            Assert.True(byYear[i].Fen > byYear[i - 1].Fen, $"{byYear[i].Year} should exceed {byYear[i - 1].Year}");
        }
    }

    [Fact]
    public async Task Demo_Parks_TwentyOverSixCategoriesSomeBelowFloor()
    {
        await using var db = fixture.File.Target.CreateContext();
        var parks = await db.Parks.AsNoTracking().ToListAsync(Ct);
        var figures = await db.ParkFigures.AsNoTracking().ToListAsync(Ct);

        Assert.Equal(20, parks.Count);
        Assert.Equal(ParkCategories.All.Order(), parks.Select(p => p.Category).Distinct().Order());
        Assert.All(parks, p => Assert.StartsWith("（示例）", p.Name, StringComparison.Ordinal));
        Assert.Equal(20 * 6, figures.Count);
        var category = parks.ToDictionary(p => p.Id, p => p.Category);
        var below = figures.Where(f => f.Year == 2024)
            .Count(f => f.RdTotalFen * 100m / f.GdpFen < DemoGenerator.ParkFloors[category[f.ParkId]]);
        Assert.InRange(below, 1, 19);
    }

    [Fact]
    public async Task Demo_CertificationsAndProjects_GrowTowardsTargets()
    {
        await using var db = fixture.File.Target.CreateContext();
        var certs = await db.Certifications.AsNoTracking().ToListAsync(Ct);
        var projects = await db.Projects.AsNoTracking().ToListAsync(Ct);
        var enterprises = await db.Units.Where(u => u.Sector == Sectors.Enterprise).Select(u => u.Id).ToListAsync(Ct);

        int HteOn(int year) => certs.Where(c => c.Kind == CertificationKinds.HighTech
            && c.Issued <= new DateOnly(year, 12, 31) && c.Expires > new DateOnly(year, 12, 31)).Select(c => c.UnitId).Distinct().Count();
        int Tsme(int year) => certs.Count(c => c.Kind == CertificationKinds.TechSme && c.Issued.Year == year);
        Assert.InRange(HteOn(2024), HteOn(2019) + 1, 1999);
        Assert.InRange(Tsme(2024), Tsme(2019) + 1, 3999);
        Assert.All(certs.Where(c => c.Kind == CertificationKinds.TechSme),
            c => Assert.StartsWith($"TSME-{c.Issued.Year}-", c.Number, StringComparison.Ordinal));
        Assert.All(certs.Where(c => c.Kind == CertificationKinds.HighTech), c => Assert.Equal(c.Issued.AddYears(3), c.Expires));
        Assert.InRange(certs.Where(c => c.Kind == CertificationKinds.HighTech).Min(c => c.Issued.Year), 2017, 2019);
        foreach (var year in Enumerable.Range(2021, 4))
        {
            var ofYear = projects.Where(p => p.Year == year).ToList();
            Assert.InRange(ofYear.Count, 35, 45);
            var share = ofYear.Count(p => enterprises.Contains(p.LeadUnitId)) / (double)ofYear.Count;
            Assert.InRange(share, 0.5, 0.7);
        }
    }

    [Fact]
    public async Task Demo_PublishedFigures_LoadExactly()
    {
        await using var db = fixture.File.Target.CreateContext();
        var region2022 = await db.DivisionFigures.AsNoTracking().SingleAsync(f => f.DivisionCode == "150000" && f.Year == 2022, Ct);
        var region2020 = await db.DivisionFigures.AsNoTracking().SingleAsync(f => f.DivisionCode == "150000" && f.Year == 2020, Ct);

        Assert.Equal(2_095_000_000_000L, region2022.RdTotalFen); // 209.5 亿元
        Assert.Equal(1_822_000_000_000L, region2022.RdEnterpriseFen); // 182.2 亿元
        Assert.Equal(9000L, region2022.RdIntensityBp4); // 0.90 %
        Assert.Equal(323_800_000_000L, region2020.GovStSpendingFen); // 32.38 亿元
        Assert.False(region2022.IsSynthetic);
        Assert.Equal(ReferenceData.OfficialFigures.Count, fixture.Result.PublishedFigures);
        Assert.False(await db.DivisionFigures.AnyAsync(f => f.IsSynthetic, Ct));
    }

    /// <summary>Order-independent summary of everything the demo wrote (ids excluded: they depend on the file).</summary>
    private static async Task<string> Fingerprint(RdInvestDb db)
    {
        var ct = TestContext.Current.CancellationToken;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var units = (await db.Units.AsNoTracking().ToListAsync(ct))
            .Select(u => string.Join('|', u.CreditCode, u.Name, u.Sector, u.DivisionCode, u.IndustryCode, u.AboveScale, u.StateOwned, u.ParkId))
            .Order(StringComparer.Ordinal);
        var codeOf = await db.Units.ToDictionaryAsync(u => u.Id, u => u.CreditCode, ct);
        var rd = (await db.RdRecords.AsNoTracking().ToListAsync(ct))
            .Select(r => string.Join('|', codeOf[r.UnitId], r.Year, r.RdTotalFen, r.GovFundsFen, r.BasicFen, r.PersonnelCostFen,
                r.RevenueFen, r.PersonnelFteCenti, r.InventionPatents, r.HasRdInstitution))
            .Order(StringComparer.Ordinal);
        var certs = (await db.Certifications.AsNoTracking().ToListAsync(ct))
            .Select(c => string.Join('|', codeOf[c.UnitId], c.Number, c.Issued.ToString("O", inv), c.Expires?.ToString("O", inv)))
            .Order(StringComparer.Ordinal);
        var parks = (await db.ParkFigures.AsNoTracking().ToListAsync(ct))
            .Select(f => string.Join('|', f.ParkId, f.Year, f.GdpFen, f.RdTotalFen, f.HteCount, f.InventionPatents))
            .Order(StringComparer.Ordinal);
        var projects = (await db.Projects.AsNoTracking().ToListAsync(ct))
            .Select(p => string.Join('|', p.Id, p.Title, codeOf[p.LeadUnitId], p.FundingFen))
            .Order(StringComparer.Ordinal);
        return string.Join('\n', units.Concat(rd).Concat(certs).Concat(parks).Concat(projects));
    }
}
