using System.Text.Json;
using System.Text.Json.Nodes;
using RdInvest.Common;
using RdInvest.Plans;
using RdInvest.Policy;
using RdInvest.Policy.Rules;
using Xunit;

namespace RdInvest.Tests.Policy;

public sealed class RuleRegistryTests
{
    private static readonly Plan Plan = PlanLoader.BuiltIn("im-rd-2021-2025");

    [Fact]
    public void Registry_AllRules_AreR1ToR16WithTheirSlugs()
    {
        string[] slugs =
        [
            "hte-reward", "post-subsidy", "tech-transfer-tax", "relocation-tax", "soe-assessment", "super-deduction",
            "hte-tax-rate", "innovation-voucher", "institution-support", "loan-interest", "listing-reward", "national-project-match",
            "platform-post-subsidy", "direct-financing-reward", "pledge-compensation", "guarantee-fee-subsidy",
        ];
        Assert.Equal(Enumerable.Range(1, 16).Select(i => $"R{i}"), RuleRegistry.All.Select(r => r.Id));
        Assert.Equal(slugs, RuleRegistry.All.Select(r => r.Slug));
    }

    [Fact]
    public void Registry_EveryRuleParameter_IsInThePlanWithAClause()
    {
        Assert.All(RuleRegistry.All.SelectMany(r => r.Parameters.Select(p => (r, p))), x =>
        {
            Assert.True(Plan.Parameters.TryGetValue(x.p, out var param), $"{x.r.Slug}: parameter {x.p} not in the plan");
            Assert.All(param.Values, v => Assert.StartsWith(x.r.Clause, v.Clause, StringComparison.Ordinal));
            Assert.False(string.IsNullOrWhiteSpace(param.DescriptionZh));
            Assert.False(string.IsNullOrWhiteSpace(param.DescriptionEn));
        });
    }

    [Theory]
    [InlineData("hte_reward.amount", false)]
    [InlineData("post_subsidy.cap", false)]
    [InlineData("post_subsidy.tiers", true)]
    [InlineData("post_subsidy.increment_rate", true)]
    [InlineData("tech_transfer.exempt_limit", false)]
    [InlineData("institution_support.cap", false)]
    [InlineData("institution_support.share", true)]
    [InlineData("hte_tax.preferential_rate", false)]
    [InlineData("relocation_tax.relief_by_year", false)]
    [InlineData("relocation_tax.local_share", true)]
    [InlineData("innovation_voucher.cap", true)]
    [InlineData("listing_reward.amounts", true)]
    [InlineData("platform_post_subsidy.amounts", true)]
    [InlineData("platforms.leading_industries", true)]
    public void PlanParameter_FixedByThePlanOrNot_IsFlaggedDefaultAccordingly(string name, bool isDefault) =>
        Assert.All(Plan.Parameters[name].Values, v => Assert.Equal(isDefault, v.IsDefault));

    [Fact]
    public void Registry_EveryInput_HasMeaningInBothLanguages() =>
        Assert.All(RuleRegistry.All.SelectMany(r => r.Inputs), i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.MeaningZh));
            Assert.False(string.IsNullOrWhiteSpace(i.MeaningEn));
        });

    [Theory]
    [InlineData("R2", "post-subsidy")]
    [InlineData("r10", "loan-interest")]
    [InlineData("SUPER-DEDUCTION", "super-deduction")]
    public void Find_IdOrSlug_FindsTheRule(string key, string slug) => Assert.Equal(slug, RuleRegistry.Find(key).Slug);

    [Fact]
    public void Find_UnknownRule_IsUsageError() =>
        Assert.Equal(2, Assert.Throws<UserError>(() => RuleRegistry.Find("free-money")).ExitCode);

    [Fact]
    public void SuperDeduction_ManufacturingAcross2021_UsesTheRateInForceOnTheDate()
    {
        var inputs = RuleInputParser.Parse(SuperDeduction.Definition,
            [new("year", "2021"), new("expense", "1000000"), new("industry_code", "C3411")]);
        var before = SuperDeduction.Definition.Evaluate(inputs, new RuleContext(Plan, new DateOnly(2020, 12, 31)));
        var after = SuperDeduction.Definition.Evaluate(inputs, new RuleContext(Plan, new DateOnly(2021, 1, 1)));
        Assert.Equal(750_000m, before.Amount);
        Assert.Equal(1_000_000m, after.Amount);
        Assert.Equal(new DateOnly(2018, 1, 1), before.Parameters.Single(p => p.Name == "super_deduction.rate_manufacturing").EffectiveFrom);
        Assert.Equal(new DateOnly(2021, 1, 1), after.Parameters.Single(p => p.Name == "super_deduction.rate_manufacturing").EffectiveFrom);
    }

    [Fact]
    public void SuperDeduction_IcAcrossEnd2027_FallsBackTo100Percent()
    {
        var input = new SuperDeduction.Input(2027, 1_000_000m, new IndustryCode('C', 39), Tsme: false, IcOrMachineTool: true);
        Assert.Equal(1_200_000m, SuperDeduction.Evaluate(input, new RuleContext(Plan, new DateOnly(2027, 12, 31))).Amount);
        Assert.Equal(1_000_000m, SuperDeduction.Evaluate(input, new RuleContext(Plan, new DateOnly(2028, 1, 1))).Amount);
    }

    [Fact]
    public void PostSubsidy_WhatIfCapRaised_UsesTheOverrideAndSaysSo()
    {
        var input = new PostSubsidy.Input(2023, 80_000_000m, 1_000_000_000m, 60_000_000m);
        var plan = PostSubsidy.Evaluate(input, new RuleContext(Plan, new DateOnly(2023, 12, 31)));
        var whatIf = PostSubsidy.Evaluate(input, new RuleContext(Plan, new DateOnly(2023, 12, 31),
            new Dictionary<string, JsonNode> { ["post_subsidy.cap"] = JsonValue.Create(8_000_000m) }));
        Assert.Equal(5_000_000m, plan.Amount);
        Assert.Equal(5_200_000m, whatIf.Amount);
        Assert.Equal(RuleContext.WhatIfClause, whatIf.Parameters.Single(p => p.Name == "post_subsidy.cap").Clause);
    }

    [Fact]
    public void PostSubsidy_DefaultParameters_AreFlaggedInStepsAndParameters()
    {
        var r = PostSubsidy.Evaluate(new PostSubsidy.Input(2023, 4_000_000m, 100_000_000m, 3_000_000m), new RuleContext(Plan, new DateOnly(2023, 12, 31)));
        Assert.True(r.Parameters.Single(p => p.Name == "post_subsidy.increment_rate").IsDefault);
        Assert.False(r.Parameters.Single(p => p.Name == "post_subsidy.cap").IsDefault);
        Assert.Contains(r.Steps, s => s.TextZh.Contains("默认值", StringComparison.Ordinal) && s.TextEn.Contains("default, set by the administering department", StringComparison.Ordinal));
    }

    [Fact]
    public void RuleResult_SerializedSnakeCase_HasTheIssueKeys()
    {
        var r = TechTransferTax.Evaluate(new TechTransferTax.Input(2023, 8_000_000m), new RuleContext(Plan, new DateOnly(2023, 12, 31)));
        var json = JsonNode.Parse(JsonSerializer.Serialize(r, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }))!.AsObject();
        Assert.Equal(["rule", "slug", "date", "amount", "outputs", "steps", "parameters"], json.Select(p => p.Key));
        Assert.Equal("R3", (string?)json["rule"]);
        Assert.Equal("2023-12-31", (string?)json["date"]);
        Assert.Equal(1_625_000m, (decimal)json["amount"]!);
        Assert.Equal(375_000m, (decimal)json["outputs"]!["tax_due"]!);
        Assert.Equal(["text_zh", "text_en", "clause", "value"], json["steps"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(["name", "value", "effective_from", "clause", "default"], json["parameters"]![0]!.AsObject().Select(p => p.Key));
    }
}
