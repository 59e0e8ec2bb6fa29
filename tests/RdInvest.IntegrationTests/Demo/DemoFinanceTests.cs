using Microsoft.EntityFrameworkCore;
using RdInvest.Demo;
using RdInvest.Finance;
using Xunit;

namespace RdInvest.IntegrationTests.Demo;

/// <summary>The demo's synthetic finance population: institutions with branches, a few thousand loans, financing events; the statistics and the round run over it.</summary>
public sealed class DemoFinanceTests(DemoFixture fixture) : IClassFixture<DemoFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_FinancePopulation_IsSyntheticAndFeedsTheStatisticsAndTheRound()
    {
        await using var db = fixture.File.Target.CreateContext();
        var institutions = await db.Institutions.AsNoTracking().ToListAsync(Ct);
        var loans = await db.Loans.AsNoTracking().ToListAsync(Ct);
        var events = await db.FinancingEvents.AsNoTracking().ToListAsync(Ct);

        Assert.InRange(institutions.Count(i => i.Kind is InstitutionKinds.Bank or InstitutionKinds.TechBranch), 12, 16);
        Assert.Contains(institutions, i => i.Kind == InstitutionKinds.TechBranch && i.ParentCode is not null);
        Assert.Contains(institutions, i => i.Kind == InstitutionKinds.Guarantee);
        Assert.Equal(3000, loans.Count);
        Assert.True(institutions.All(i => i.IsSynthetic) && loans.All(l => l.IsSynthetic) && events.All(e => e.IsSynthetic));
        Assert.Contains(loans, l => l.Kind == LoanKinds.IpPledge && l.LossAmountFen > 0);
        Assert.Contains(loans, l => l.Kind == LoanKinds.Guaranteed && l.GuaranteeFeeFen > 0 && l.GuarantorCode is not null);
        Assert.Contains(loans, l => l.RepaidOn is not null);
        Assert.Contains(loans, l => l.MaturesOn is { Month: 12, Day: 31 });
        Assert.Equal(FinancingKinds.All.Order(StringComparer.Ordinal), events.Select(e => e.Kind).Distinct().Order(StringComparer.Ordinal));

        var stats = await new FinanceStatsHandler(db).HandleAsync(new FinanceStatsRequest(2023), Ct);
        Assert.True(stats.Region.NewLoansCount > 0 && stats.Region.NewLoansAmount > 0 && stats.Region.BalanceYearEnd > 0);
        Assert.True(stats.Region.NewLoansCount < loans.Count(l => l.GrantedOn.Year == 2023), "some 2023 borrowers are not S&T enterprises");
        var round = await new FinanceRoundHandler(db).HandleAsync(new FinanceRoundRequest(2023, null), RdInvest.Plans.PlanLoader.BuiltIn("im-rd-2021-2025"), Ct);
        Assert.True(round.ByRule.Single(r => r.Rule == "R10").Eligible > 0);
        Assert.True(round.TotalClaims > 0);
    }
}
