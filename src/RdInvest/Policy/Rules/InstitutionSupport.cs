using System.Text.Json.Nodes;

namespace RdInvest.Policy.Rules;

/// <summary>
/// R9, clause 二(四)14: "国家级科研机构和'双一流'大学来区内独立或联合建设的国家级创新平台或新型研发机构，根据投资额和运行绩效，
/// 连续5年给予每年最高1000万元科研经费支持". amount = 0 after year 5; otherwise min(10,000,000, 30 % × investment) ×
/// the rating factor (A 1.0, B 0.8, C 0.5, D 0). The cap and the five years are the plan's; 30 % and the factors are defaults.
/// The builder must be a national-level research institution or a 双一流 university (input <c>builder</c>, required: the
/// clause names no other builder).
/// </summary>
public static class InstitutionSupport
{
    public const string Id = "R9";
    public const string Slug = "institution-support";
    public const string Clause = "二(四)14";

    public static readonly IReadOnlyList<string> Ratings = ["A", "B", "C", "D"];

    /// <summary>Who builds the platform: a national-level research institution, a 双一流 university, or another builder.</summary>
    public static readonly IReadOnlyList<string> Builders = ["national_institution", "double_first_class", "other"];

    public sealed record Input(decimal Investment, int YearIndex, string Rating, string Builder = "national_institution");

    public static RuleResult Evaluate(Input input, RuleContext context)
    {
        if (input.YearIndex < 1)
        {
            throw new RuleInputException($"year_index 应不小于 1，实为 {input.YearIndex}", $"year_index must be at least 1, got {input.YearIndex}");
        }
        var x = new Explanation(context, Id, Slug, Clause);
        if (input.Builder is not ("national_institution" or "double_first_class"))
        {
            return x.Ineligible("建设单位不是国家级科研机构或“双一流”大学，不适用本项支持",
                "the builder is neither a national-level research institution nor a 双一流 university: the support does not apply");
        }
        x.Note(input.Builder == "national_institution" ? "由国家级科研机构建设" : "由“双一流”大学建设",
            input.Builder == "national_institution" ? "built by a national-level research institution" : "built by a 双一流 university");
        var years = x.Apply("institution_support.years", "连续支持年数", "consecutive years of support");
        if (input.YearIndex > years)
        {
            return x.Ineligible($"第 {input.YearIndex} 年，超过连续支持的 {RuleFormat.Number(years)} 年",
                $"year {input.YearIndex}, beyond the {RuleFormat.Number(years)} consecutive years");
        }
        var share = x.Apply("institution_support.share", "按投资额支持比例", "share of the investment");
        var basis = x.Step(
            $"按投资额 = {RuleFormat.Money(input.Investment)} × {RuleFormat.Percent(share)} = {RuleFormat.Money(input.Investment * share)}",
            $"by investment = {RuleFormat.Money(input.Investment)} × {RuleFormat.Percent(share)} = {RuleFormat.Money(input.Investment * share)}",
            input.Investment * share);
        var cap = x.Apply("institution_support.cap", "每年最高支持", "annual maximum");
        var capped = x.Step(
            $"取 min({RuleFormat.Money(basis)}, {RuleFormat.Money(cap)}) = {RuleFormat.Money(Math.Min(basis, cap))}{(basis > cap ? "（封顶）" : "")}",
            $"min({RuleFormat.Money(basis)}, {RuleFormat.Money(cap)}) = {RuleFormat.Money(Math.Min(basis, cap))}{(basis > cap ? " (capped)" : "")}",
            Math.Min(basis, cap), x.Parameter("institution_support.cap"));
        var factors = x.Parameter("institution_support.rating_factors");
        var factor = factors.Value is JsonObject o && o[input.Rating] is { } f
            ? Plans.ParameterValue.ToDecimal(f)
            : throw new RuleInputException($"评价等级 {input.Rating} 没有支持系数", $"rating {input.Rating} has no factor");
        x.Step($"运行绩效评价 {input.Rating} 级，支持系数 {RuleFormat.Number(factor)}{(factors.IsDefault ? Explanation.DefaultZh : "")}",
            $"performance rating {input.Rating}, factor {RuleFormat.Number(factor)}{(factors.IsDefault ? Explanation.DefaultEn : "")}",
            factor, factors);
        var amount = x.Step(
            $"支持金额 = {RuleFormat.Money(capped)} × {RuleFormat.Number(factor)} = {RuleFormat.Money(capped * factor)}",
            $"support = {RuleFormat.Money(capped)} × {RuleFormat.Number(factor)} = {RuleFormat.Money(capped * factor)}",
            capped * factor);
        return x.Finish(amount);
    }

    public static RuleDefinition Definition { get; } = new(
        Id, Slug, Clause, "国家级创新平台科研经费支持", "Support for national-level research platforms in the region",
        [
            new("investment", InputType.Money, true, "该年度投资额（元）", "investment of the year (yuan)") { NonNegative = true },
            new("year_index", InputType.Integer, true, "支持的第几年（1–5）", "year of support (1–5)"),
            new("rating", InputType.Choice, true, "运行绩效评价等级", "performance rating") { Choices = Ratings },
            new("builder", InputType.Choice, true, "建设单位：national_institution 国家级科研机构，double_first_class “双一流”大学，other 其他",
                "builder: national_institution, double_first_class (双一流 university) or other") { Choices = Builders },
        ],
        ["institution_support.years", "institution_support.share", "institution_support.cap", "institution_support.rating_factors"])
    {
        Run = (i, c) => Evaluate(new Input(i.Money("investment"), i.Integer("year_index"), i.Text("rating"), i.Text("builder")), c),
    };
}
