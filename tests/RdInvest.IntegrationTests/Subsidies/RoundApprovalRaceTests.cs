using Microsoft.EntityFrameworkCore;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Plans;
using RdInvest.Subsidies;
using Xunit;

namespace RdInvest.IntegrationTests.Subsidies;

/// <summary>
/// Two approvals of one round, interleaved deterministically: the second approval happens after the first has checked
/// the round is a draft and before it writes. Exactly one may approve; the other is a conflict.
/// </summary>
public sealed class RoundApprovalRaceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A clock whose first reading runs <paramref name="meanwhile"/>: ApproveAsync reads it between its checks and its write.</summary>
    private sealed class InterleavingClock(Action meanwhile) : TimeProvider
    {
        private bool _done;

        public override DateTimeOffset GetUtcNow()
        {
            if (!_done)
            {
                _done = true;
                meanwhile();
            }
            return base.GetUtcNow();
        }
    }

    [Fact]
    public async Task Approve_AnotherApprovalInBetween_IsAConflictAndTheRoundIsApprovedOnce()
    {
        await using var host = await Api.ApiHost.CreateAsync();
        var plan = PlanLoader.BuiltIn(PlanResolver.DefaultPlan);
        long id;
        await using (var db = host.Database.Open())
        {
            // Budget 0: nothing is paid, so no payment uniqueness can stand in for the round's own check.
            id = (await new SavedRoundHandler(db, TimeProvider.System).SaveAsync(new SubsidyRoundRequest(2024, 0m), plan, Actor.Cli("a"), Ct)).Round.Id;
        }
        await using var first = host.Database.Open();
        var clock = new InterleavingClock(() => Task.Run(async () =>
        {
            await using var other = host.Database.Open();
            await new SavedRoundHandler(other, TimeProvider.System).ApproveAsync(id, plan, Actor.Cli("b"), Ct);
        }).GetAwaiter().GetResult());
        var e = await Assert.ThrowsAsync<ConflictError>(() => new SavedRoundHandler(first, clock).ApproveAsync(id, plan, Actor.Cli("a"), Ct));
        Assert.Contains("approved", e.MessageEn, StringComparison.Ordinal);

        await using var check = host.Database.Open();
        var round = await check.SubsidyRounds.AsNoTracking().SingleAsync(r => r.Id == id, Ct);
        Assert.Equal("b", round.ApprovedBy);
        Assert.Equal(1, await check.Audit.CountAsync(a => a.Action == "subsidy_round.approve" && a.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));
    }
}
