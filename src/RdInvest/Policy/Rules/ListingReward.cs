using System.Text.Json.Nodes;

namespace RdInvest.Policy.Rules;

/// <summary>
/// R11, clause 二(三)10: "对在上海证券交易所科创板上市、在自治区股权交易市场科创板挂牌的科技型企业，根据相关政策给予奖补".
/// Default amounts: 5,000,000 yuan for a STAR Market listing, 500,000 for the regional equity market's S&amp;T board.
/// Only an S&amp;T enterprise (科技型企业) qualifies: input <c>st_enterprise</c>, required (no default: the clause names
/// that condition); <c>calc listing-reward --unit</c> takes it from the unit's high-tech or tech-SME certificates.
/// </summary>
public static class ListingReward
{
    public const string Id = "R11";
    public const string Slug = "listing-reward";
    public const string Clause = "二(三)10";

    public static readonly IReadOnlyList<string> Boards = ["star_market", "regional_st_board"];

    public sealed record Input(string Board, bool StEnterprise = true);

    public static RuleResult Evaluate(Input input, RuleContext context)
    {
        var x = new Explanation(context, Id, Slug, Clause);
        if (!input.StEnterprise)
        {
            return x.Ineligible("不是科技型企业，不适用本项奖补", "not an S&T enterprise (科技型企业): the reward does not apply");
        }
        x.Note("科技型企业", "an S&T enterprise (科技型企业)");
        var amounts = x.Parameter("listing_reward.amounts");
        if (amounts.Value is not JsonObject o || o[input.Board] is not { } v)
        {
            return x.Ineligible($"板块 {input.Board} 没有规定奖补金额", $"no reward set for board {input.Board}");
        }
        var (zh, en) = input.Board == "star_market" ? ("上海证券交易所科创板上市", "listed on the Shanghai STAR Market") : ("自治区股权交易市场科创板挂牌", "listed on the regional equity market's S&T board");
        var amount = x.Step(
            $"{zh}，奖补 {RuleFormat.Money(Plans.ParameterValue.ToDecimal(v))} 元{(amounts.IsDefault ? Explanation.DefaultZh : "")}",
            $"{en}: reward {RuleFormat.Money(Plans.ParameterValue.ToDecimal(v))} yuan{(amounts.IsDefault ? Explanation.DefaultEn : "")}",
            Plans.ParameterValue.ToDecimal(v), amounts);
        return x.Finish(amount);
    }

    public static RuleDefinition Definition { get; } = new(
        Id, Slug, Clause, "科技型企业上市（挂牌）奖补", "Listing reward for S&T enterprises",
        [
            new("board", InputType.Choice, true, "上市（挂牌）板块：star_market 科创板，regional_st_board 自治区股权交易市场科创板", "board: star_market or regional_st_board") { Choices = Boards },
            new("st_enterprise", InputType.Boolean, true, "是否科技型企业（高新技术企业或科技型中小企业等）", "an S&T enterprise (high-tech enterprise, tech SME …)"),
        ],
        ["listing_reward.amounts"])
    {
        Run = (i, c) => Evaluate(new Input(i.Text("board"), i.Boolean("st_enterprise")), c),
    };
}
