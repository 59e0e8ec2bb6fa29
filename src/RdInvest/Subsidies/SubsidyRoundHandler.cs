using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Plans;
using RdInvest.Policy;

namespace RdInvest.Subsidies;

public sealed record SubsidyRoundRequest(int Year, decimal? Budget);

/// <summary>
/// The post-subsidy round (clause 二(二)6): reads every enterprise with an R&amp;D record for year − 1 (and
/// year − 2 where present), then hands the figures to the pure <see cref="SubsidyRound"/>.
/// </summary>
public sealed class SubsidyRoundHandler
{
    private readonly DbConnection _connection;
    private readonly Func<DbTransaction?> _transaction;

    /// <summary>Reads on the context's connection (opened for the reads when closed), in its transaction if one is open.</summary>
    public SubsidyRoundHandler(RdInvestDb db)
    {
        _connection = db.Database.GetDbConnection();
        _transaction = () => db.Database.CurrentTransaction?.GetDbTransaction();
    }

    /// <summary>Reads on a connection of its own: no EF model is built (a command line's start-up).</summary>
    public SubsidyRoundHandler(DbConnection connection)
    {
        _connection = connection;
        _transaction = () => null;
    }

    public async Task<SubsidyRoundResult> HandleAsync(SubsidyRoundRequest request, Plan plan, CancellationToken ct = default)
    {
        Check(request);
        var inputs = await SubsidyRoundReader.ReadAsync(_connection, _transaction(), request.Year, ct);
        var result = SubsidyRound.Compute(request.Year, inputs.Applicants, plan, request.Budget, NotesZh, NotesEn);
        return result with { Platforms = PlatformRound.Compute(request.Year, inputs.Platforms, plan) };
    }

    private static void Check(SubsidyRoundRequest request)
    {
        if (!Bounds.IsYear(request.Year))
        {
            throw new InputOutOfRangeError("year",
                $"年度 {request.Year} 不在有效范围（{Bounds.MinYear}–{Bounds.MaxYear}）", $"year {request.Year} is out of range ({Bounds.MinYear}–{Bounds.MaxYear})");
        }
        if (request.Budget is { } budget && (budget < 0m || budget > Bounds.MaxUnitMoney))
        {
            // Checked before any query: a round's sums are stored in integer fen.
            throw new InputOutOfRangeError("budget",
                $"预算 {RuleFormat.Money(budget)} 元超出范围（0 至 {RuleFormat.Money(Bounds.MaxUnitMoney)} 元）",
                $"the budget {RuleFormat.Money(budget)} yuan is out of range (0 to {RuleFormat.Money(Bounds.MaxUnitMoney)} yuan)");
        }
    }

    /// <summary>
    /// The round to be written as it is computed (<see cref="SubsidyRoundStream"/>): the inputs read set-based on the
    /// connection, the claims and totals computed, the lines explained only when they are enumerated with explain.
    /// </summary>
    public async Task<SubsidyRoundStream> StreamAsync(SubsidyRoundRequest request, Plan plan, CancellationToken ct = default)
    {
        Check(request);
        var inputs = await SubsidyRoundReader.ReadAsync(_connection, _transaction(), request.Year, ct);
        return SubsidyRoundStream.Create(request.Year, inputs.Applicants, plan, request.Budget, NotesZh, NotesEn,
            PlatformRound.Compute(request.Year, inputs.Platforms, plan));
    }

    private static readonly string[] NotesZh =
    [
        "创新平台研发经费后补助（R13，二(四)11）单列一节（platform_post_subsidy）：该年度认定有效且有运行绩效评价的平台，按级别和该年及以前最近一次评价等级计算，不占用本轮预算。",
        "本轮为研发投入后补助（R2），按预算缩减。高新技术企业一次性奖励（R1，二(二)4）每个企业只奖励一次：已领取的企业按奖补发放记录标注（r1_paid_year、r1_paid_amount）；方案期内获得高新技术企业证书且未领取的企业列出 R1 申报额（r1_claim），R1 不占用本轮预算。",
    ];

    private static readonly string[] NotesEn =
    [
        "The R&D post-subsidy of innovation platforms (R13, 二(四)11) is its own section (platform_post_subsidy): every platform recognised through the year with an evaluation, by its level and its latest grade up to the year, outside this round's budget.",
        "This round is the R&D post-subsidy (R2), scaled to the budget. The high-tech reward (R1, 二(二)4) is paid once per enterprise ever: enterprises already paid are flagged from the payment records (r1_paid_year, r1_paid_amount); enterprises certified high-tech within the plan period and never paid show their R1 claim (r1_claim), which is outside this round's budget.",
    ];
}
