using System.Text.Json.Nodes;
using RdInvest.Plans;

namespace RdInvest.Policy.Rules;

/// <summary>
/// R4, clause 二(二)6: "区外科技型企业、创新团队和技术成果持有人来我区设立科技型企业的，自该企业取得第一笔生产经营收入所属纳税年度起，
/// 第1年至第3年免征企业所得税地方分享部分，第4年至第6年减半征收". amount = cit × local_share × relief, where relief is
/// 100 % in years 1–3, 50 % in years 4–6 and 0 after; local_share defaults to 40 %. The enterprise must have been set up
/// by an enterprise, innovation team or holder of results from outside the region (区外): input <c>from_outside_region</c>,
/// required — the clause exists for exactly that case, so no default is assumed.
/// </summary>
public static class RelocationTax
{
    public const string Id = "R4";
    public const string Slug = "relocation-tax";
    public const string Clause = "二(二)6";

    /// <summary>YearIndex 1 is the tax year of the first operating revenue.</summary>
    public sealed record Input(int Year, decimal Cit, int YearIndex, decimal? LocalShare = null, bool FromOutsideRegion = true);

    public static RuleResult Evaluate(Input input, RuleContext context)
    {
        if (input.YearIndex < 1)
        {
            throw new RuleInputException($"year_index 应不小于 1（取得第一笔生产经营收入的纳税年度为第 1 年），实为 {input.YearIndex}",
                $"year_index must be at least 1 (1 = the tax year of the first operating revenue), got {input.YearIndex}");
        }
        var x = new Explanation(context, Id, Slug, Clause);
        if (!input.FromOutsideRegion)
        {
            x.Output("local_tax", 0m);
            return x.Ineligible("不是由区外科技型企业、创新团队或技术成果持有人来我区设立的企业，不适用本项减免",
                "not set up by an enterprise, innovation team or holder of results from outside the region (区外): the relief does not apply");
        }
        x.Note("由区外科技型企业、创新团队或技术成果持有人来我区设立", "set up in the region by an enterprise, team or holder of results from outside it");
        var table = x.Parameter("relocation_tax.relief_by_year");
        var bands = ReadBands(table.Value);
        var band = bands.FirstOrDefault(b => input.YearIndex <= b.To);
        var from = band is null ? 0 : bands.Where(b => b.To < band.To).Select(b => b.To + 1).DefaultIfEmpty(1).Max();
        var relief = x.Step(
            band is null
                ? $"第 {input.YearIndex} 年，超过第 {bands[^1].To} 年，不再减免"
                : $"第 {input.YearIndex} 年（第 {from}–{band.To} 年），地方分享部分减免 {RuleFormat.Percent(band.Relief)}",
            band is null
                ? $"year {input.YearIndex}, after year {bands[^1].To}: no relief"
                : $"year {input.YearIndex} (years {from}–{band.To}): relief {RuleFormat.Percent(band.Relief)} of the local share",
            band?.Relief ?? 0m, table);
        if (input.Cit <= 0m)
        {
            x.Output("local_tax", 0m);
            return x.Ineligible($"应纳企业所得税 {RuleFormat.Money(input.Cit)} 元，无可减免", $"corporate income tax {RuleFormat.Money(input.Cit)} yuan, nothing to relieve");
        }
        var share = input.LocalShare is { } s
            ? x.Step($"地方分享比例（输入）：{RuleFormat.Percent(s)}", $"local share (input): {RuleFormat.Percent(s)}", s)
            : x.Apply("relocation_tax.local_share", "企业所得税地方分享比例", "local share of corporate income tax");
        var local = x.Step(
            $"地方分享部分 = {RuleFormat.Money(input.Cit)} × {RuleFormat.Percent(share)} = {RuleFormat.Money(input.Cit * share)}",
            $"local share = {RuleFormat.Money(input.Cit)} × {RuleFormat.Percent(share)} = {RuleFormat.Money(input.Cit * share)}",
            input.Cit * share);
        var amount = x.Step(
            $"减免税额 = {RuleFormat.Money(local)} × {RuleFormat.Percent(relief)} = {RuleFormat.Money(local * relief)}",
            $"relief = {RuleFormat.Money(local)} × {RuleFormat.Percent(relief)} = {RuleFormat.Money(local * relief)}",
            local * relief);
        x.Output("local_tax", local);
        return x.Finish(amount);
    }

    public sealed record Band(int To, decimal Relief);

    public static IReadOnlyList<Band> ReadBands(JsonNode node) =>
        node is JsonArray { Count: > 0 } arr
            ? arr.Select(b => new Band((int)ParameterValue.ToDecimal(b?["to"]), ParameterValue.ToDecimal(b?["relief"]))).OrderBy(b => b.To).ToList()
            : throw new PlanException("参数 relocation_tax.relief_by_year 应为 {to, relief} 列表", "parameter relocation_tax.relief_by_year must be a list of {to, relief}");

    public static RuleDefinition Definition { get; } = new(
        Id, Slug, Clause, "区外来区设立科技型企业所得税地方分享部分减免", "Local corporate income tax relief for S&T enterprises set up from outside the region",
        [
            RuleRegistry.Year("纳税年度", "tax year"),
            new("cit", InputType.Money, true, "该年度应纳企业所得税（元）", "corporate income tax payable for the year (yuan)"),
            new("year_index", InputType.Integer, true, "第几年（取得第一笔生产经营收入的纳税年度为第 1 年）", "year number (1 = the tax year of the first operating revenue)"),
            new("local_share", InputType.Rate, false, "地方分享比例（缺省 40%）", "local share (default 40 %)") { NonNegative = true },
            new("from_outside_region", InputType.Boolean, true, "是否由区外科技型企业、创新团队或技术成果持有人来我区设立",
                "set up by an enterprise, innovation team or holder of results from outside the region"),
        ],
        ["relocation_tax.relief_by_year", "relocation_tax.local_share"])
    {
        Run = (i, c) => Evaluate(new Input(i.Integer("year"), i.Money("cit"), i.Integer("year_index"), i.OptionalRate("local_share"), i.Boolean("from_outside_region")), c),
        DefaultDate = RuleRegistry.EndOfYear,
    };
}
