using Microsoft.EntityFrameworkCore;
using RdInvest.Demo;
using RdInvest.IntegrationTests.Demo;
using RdInvest.Indicators;

namespace RdInvest.IntegrationTests.Platforms;

/// <summary>The demo's synthetic platforms: marked as such, evaluated, and enough that T10 and T11 are no longer 0 %.</summary>
public sealed class DemoPlatformsTests(DemoFixture fixture) : IClassFixture<DemoFixture>
{
    [Fact]
    public async Task Demo_Platforms_AreSyntheticEvaluatedAndMoveT10AndT11()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.File.Target.CreateContext();
        var platforms = await db.Platforms.AsNoTracking().ToListAsync(ct);
        var evaluations = await db.PlatformEvaluations.AsNoTracking().ToListAsync(ct);
        Assert.InRange(platforms.Count, 100, 100_000);
        Assert.All(platforms, p =>
        {
            Assert.True(p.IsSynthetic);
            Assert.StartsWith(DemoGenerator.SyntheticMark, p.Name, StringComparison.Ordinal);
            Assert.StartsWith("demo-pf-", p.Id, StringComparison.Ordinal);
            Assert.True(p.ValidUntil is null || p.ValidUntil > p.RecognisedOn);
        });
        Assert.NotEmpty(evaluations);
        Assert.All(evaluations, e => Assert.True(e.IsSynthetic && e.Year > platforms.Single(p => p.Id == e.PlatformId).RecognisedOn.Year));

        var region = (await new IndicatorsHandler(db, preliminary: true).HandleAsync(new IndicatorsRequest("150000", DemoGenerator.LastYear), ct)).Indicators;
        Assert.InRange(region["leading_industry_platform_share"].Value!.Value, 1m, 99m);
        Assert.InRange(region["above_scale_rd_institution_share"].Value!.Value, 1m, 99m);
    }
}
