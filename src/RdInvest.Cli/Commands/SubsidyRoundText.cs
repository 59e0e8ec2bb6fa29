using System.Globalization;
using RdInvest.Policy;

namespace RdInvest.Cli.Commands;

/// <summary>The round as text on the terminal: a line per enterprise as it is computed, then the totals.</summary>
internal static class SubsidyRoundText
{
    /// <summary>What the text shows after the lines, from a whole round or a streamed one.</summary>
    internal sealed record Summary(int Year, decimal? Budget, decimal TotalClaims, decimal TotalPaid, decimal? Remainder, decimal? ScaleFactor,
        int Enterprises, int Eligible, IReadOnlyList<LeagueCityTotal> ByLeagueCity, IReadOnlyList<PlatformRoundLine> Platforms,
        decimal PlatformTotalClaims, IReadOnlyList<string> NotesZh, IReadOnlyList<string> NotesEn, int R1Eligible, decimal R1TotalClaims,
        int R1AlreadyPaid)
    {
        public static Summary Of(SubsidyRoundResult r) => new(r.Year, r.Budget, r.TotalClaims, r.TotalPaid, r.Remainder, r.ScaleFactor,
            r.Lines.Count, r.Lines.Count(l => l.Claim.Amount > 0m), r.ByLeagueCity, r.Platforms, r.PlatformTotalClaims, r.NotesZh, r.NotesEn,
            r.Lines.Count(l => l.R1?.Amount > 0m), r.R1TotalClaims, r.Lines.Count(l => l.Applicant.R1Paid is not null));

        public static Summary Of(SubsidyRoundStream r) => new(r.Year, r.Budget, r.TotalClaims, r.TotalPaid, r.Remainder, r.ScaleFactor,
            r.Enterprises, r.Eligible, r.ByLeagueCity, r.Platforms, r.PlatformTotalClaims, r.NotesZh, r.NotesEn,
            r.R1Eligible, r.R1TotalClaims, r.R1AlreadyPaid);
    }

    public static void Write(TextWriter console, Summary result, IEnumerable<SubsidyRoundLine> lines, string? output, long? savedId)
    {
        var year = result.Year;
        var budget = result.Budget;
        console.WriteLine($"{I(year)} 年研发投入后补助（二(二)6）/ {I(year)} R&D post-subsidy round");
        foreach (var l in lines)
        {
            var a = l.Applicant;
            var r1 = a.R1Paid is { } r1p ? $" R1 已领取 already paid {I(r1p.Year)} {M(r1p.Amount)}"
                : l.R1 is { Amount: > 0m } r1c ? $" R1 申报 claim {M(r1c.Amount)}（证书 certified {RuleFormat.Date(l.R1Certificate!.Issued)}）"
                : "";
            var r2 = a.R2Paid is { } r2p ? $" R2 本年度已发放 already paid {M(r2p.Amount)}" : "";
            console.WriteLine($"{a.CreditCode} {a.Name} {a.LeagueCityName} rd_prev={M(a.RdPrev)} revenue_prev={M(a.RevenuePrev)} rd_prev2={(a.RdPrev2 is { } p2 ? M(p2) : "—")} 申报 claim {M(l.Claim.Amount)} 拨付 paid {M(l.Paid)}{r1}{r2}");
        }
        console.WriteLine();
        console.WriteLine("盟市合计 / by league-city:");
        foreach (var c in result.ByLeagueCity)
        {
            console.WriteLine($"  {c.Code} {c.Name}：{I(c.Enterprises)} 家（符合 {I(c.Eligible)}），申报 {M(c.Claims)} 元，拨付 {M(c.Paid)} 元");
        }
        console.WriteLine($"企业 enterprises: {I(result.Enterprises)}，符合条件 eligible: {I(result.Eligible)}");
        console.WriteLine($"申报合计 claims: {M(result.TotalClaims)} 元");
        console.WriteLine($"预算 budget: {(budget is { } bb ? M(bb) + " 元" : "未设 none")}");
        if (result.ScaleFactor is { } f)
        {
            console.WriteLine($"申报超过预算，按系数 {RuleFormat.Number(decimal.Round(f, 10))} 缩减并向下取整到元 / claims exceed the budget: scaled and floored to the yuan");
        }
        console.WriteLine($"拨付合计 paid: {M(result.TotalPaid)} 元");
        if (result.Remainder is { } rem)
        {
            console.WriteLine($"未分配余额 undistributed: {M(rem)} 元");
        }
        if (result.Platforms.Count > 0)
        {
            console.WriteLine();
            console.WriteLine("创新平台研发经费后补助（R13，二(四)11，不占本轮预算）/ platform post-subsidy (R13, outside the budget):");
            foreach (var p in result.Platforms)
            {
                var a = p.Platform;
                console.WriteLine($"  {a.PlatformId} {a.Name} {a.Level} {a.Type} 依托 host {a.HostCreditCode} {a.LeagueCityName} {I(a.EvaluationYear)} 年评价 grade {a.Grade} 申报 claim {M(p.Claim.Amount)}");
            }
            console.WriteLine($"  合计 total: {M(result.PlatformTotalClaims)} 元");
        }
        foreach (var (zh, en) in result.NotesZh.Zip(result.NotesEn))
        {
            console.WriteLine($"说明：{zh}");
            console.WriteLine($"Note: {en}");
        }
        console.WriteLine($"R1 一次性奖励申报 R1 claims: {I(result.R1Eligible)} 家，{M(result.R1TotalClaims)} 元（不占本轮预算 / outside the budget）；已领取 R1 already paid: {I(result.R1AlreadyPaid)} 家");
        if (output is not null)
        {
            console.WriteLine($"名单已写入 written: {output}");
        }
        if (savedId is { } id)
        {
            console.WriteLine($"已保存为待批准的轮次 saved as draft round: {I(id)}（rdinvest subsidy-round approve {I(id)}）");
        }
    }

    private static string M(decimal v) => RuleFormat.Money(v);

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);
}
