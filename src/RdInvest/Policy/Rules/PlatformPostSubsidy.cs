using System.Text.Json.Nodes;
using RdInvest.Platforms;

namespace RdInvest.Policy.Rules;

/// <summary>
/// R13, clause 二(四)11: innovation platforms of region level and above are supported "通过研发经费后补助等方式". The amount
/// is the plan's table by the platform's level and its latest performance grade (defaults set by the administering
/// department: national A 1,000,000 / B 500,000, region A 500,000 / B 200,000, C and D nothing, and nothing for a
/// league/city platform, which the clause does not cover). A platform whose recognition does not run through the year
/// (<see cref="PlatformValidity"/>) gets nothing.
/// </summary>
public static class PlatformPostSubsidy
{
    public const string Id = "R13";
    public const string Slug = "platform-post-subsidy";
    public const string Clause = "二(四)11";
    public const string Amounts = "platform_post_subsidy.amounts";

    public sealed record Input(string Level, string Grade, bool Valid = true, int? EvaluationYear = null);

    public static RuleResult Evaluate(Input input, RuleContext context)
    {
        var x = new Explanation(context, Id, Slug, Clause);
        var level = PlatformLevels.All.ToList().IndexOf(input.Level) is var i and >= 0 ? i
            : throw new RuleInputException($"平台级别 {input.Level} 无效", $"level {input.Level} is not valid");
        var (levelZh, levelEn) = (PlatformLevels.NamesZh[level], input.Level.Replace('_', '/'));
        var evaluated = input.EvaluationYear is { } y ? $"（{y} 年度）" : "";
        var evaluatedEn = input.EvaluationYear is { } ye ? $" (of {ye})" : "";
        x.Note($"{levelZh}创新平台，最近一次运行绩效评价{evaluated} {input.Grade} 级",
            $"{levelEn}-level innovation platform, latest performance grade{evaluatedEn} {input.Grade}");
        if (!input.Valid)
        {
            return x.Ineligible("平台认定在该年度不在有效期内（认定日期晚于12月31日或有效期已届满）",
                "the platform's recognition does not run through 31 December of the year (recognised later or expired)");
        }
        var table = x.Parameter(Amounts);
        var amount = table.Value is JsonObject t && t[input.Level] is JsonObject row && row[input.Grade] is { } cell
            ? Plans.ParameterValue.ToDecimal(cell)
            : throw new RuleInputException($"参数 {Amounts} 没有 {input.Level} {input.Grade} 的金额", $"parameter {Amounts} has no amount for {input.Level} {input.Grade}");
        var (dz, de) = table.IsDefault ? (Explanation.DefaultZh, Explanation.DefaultEn) : ("", "");
        var scopeZh = PlatformLevels.RegionOrAbove(input.Level) ? "" : "（本条支持自治区级及以上平台）";
        var scopeEn = PlatformLevels.RegionOrAbove(input.Level) ? "" : " (the clause supports platforms of region level and above)";
        x.Step($"{levelZh}平台评价 {input.Grade} 级的研发经费后补助：{RuleFormat.Money(amount)} 元{scopeZh}{dz}",
            $"R&D post-subsidy of a {levelEn}-level platform graded {input.Grade}: {RuleFormat.Money(amount)} yuan{scopeEn}{de}",
            amount, table);
        return x.Finish(amount);
    }

    public static RuleDefinition Definition { get; } = new(
        Id, Slug, Clause, "创新平台研发经费后补助", "R&D post-subsidy of innovation platforms",
        [
            new("level", InputType.Choice, true, "平台级别：national 国家级、region 自治区级、league_city 盟市级",
                "platform level: national, region or league_city") { Choices = PlatformLevels.All },
            new("grade", InputType.Choice, true, "最近一次运行绩效评价等级 A–D", "latest performance grade A–D") { Choices = PlatformGrades.All },
            new("year", InputType.Integer, false, "支持年度（参数按该年12月31日生效的值）", "year of support (parameters in force on 31 December)"),
            new("valid", InputType.Boolean, false, "平台认定在该年度是否有效", "the recognition runs through the year") { Default = "true" },
            new("evaluation_year", InputType.Integer, false, "所依据的评价年度", "year of the evaluation relied on"),
        ],
        [Amounts])
    {
        Run = (i, c) => Evaluate(new Input(i.Text("level"), i.Text("grade"), i.Boolean("valid"),
            i.Has("evaluation_year") ? i.Integer("evaluation_year") : null), c),
        DefaultDate = RuleRegistry.EndOfYear,
    };
}
