using RdInvest.Common;
using RdInvest.Plans;
using RdInvest.Policy;
using Xunit;

namespace RdInvest.Tests.Policy;

/// <summary>Runs every hand-computed case of Cases/policy/*.csv through its rule.</summary>
public sealed class RuleCasesTests
{
    private static readonly Plan Plan = PlanLoader.BuiltIn("im-rd-2021-2025");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in PolicyCases.All())
        {
            data.Add(c.Slug, c.Id);
        }
        return data;
    }

    public static TheoryData<string, string> EligibleCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in PolicyCases.All().Where(c => c.ExpectError is null))
        {
            data.Add(c.Slug, c.Id);
        }
        return data;
    }

    internal static RuleResult Run(PolicyCase c)
    {
        var rule = RuleRegistry.Find(c.Slug);
        // A case without a date and a rule without a date of its own would depend on today: the file must say.
        return rule.Evaluate(c.Inputs, Plan, c.Date, fallbackDate: DateOnly.MinValue);
    }

    [Fact]
    public void CaseFiles_EveryRule_HasAFile()
    {
        var files = Directory.GetFiles(PolicyCases.Folder, "*.csv").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        Assert.All(RuleRegistry.All, r => Assert.Contains(r.Slug, files));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_HandComputedCase_GivesExpectedAmountAndOutputs(string slug, string id)
    {
        var c = PolicyCases.Find(slug, id);
        if (c.ExpectError is { } input)
        {
            var e = Assert.ThrowsAny<UserError>(() => Run(c));
            // 2: malformed (a usage error); 1: well-formed but out of the range a rule computes in.
            Assert.Equal(e is InputOutOfRangeError ? 1 : 2, e.ExitCode);
            Assert.Contains(input, e.MessageZh, StringComparison.Ordinal);
            Assert.Contains(input, e.MessageEn, StringComparison.Ordinal);
            return;
        }
        var r = Run(c);
        Assert.Equal(c.ExpectAmount, r.Amount);
        foreach (var (name, expected) in c.ExpectOutputs)
        {
            Assert.True(r.Outputs.TryGetValue(name, out var actual), $"output {name} missing");
            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [MemberData(nameof(EligibleCases))]
    public void Explanation_AnyCase_StepsLeadToTheAmountAndCiteTheirClauses(string slug, string id)
    {
        var r = Run(PolicyCases.Find(slug, id));
        var rule = RuleRegistry.Find(slug);
        Assert.Equal(rule.Id, r.Rule);
        Assert.Equal(rule.Slug, r.Slug);
        Assert.NotEmpty(r.Steps);
        // The closing step states the amount, and some earlier step holds the figure it was rounded from.
        Assert.Equal(r.Amount, r.Steps[^1].Value);
        Assert.Contains(r.Steps.SkipLast(1), s => s.Value is { } v && RuleFormat.ToYuan(v) == r.Amount);
        Assert.All(r.Steps, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.TextZh));
            Assert.False(string.IsNullOrWhiteSpace(s.TextEn));
            Assert.False(string.IsNullOrWhiteSpace(s.Clause));
            if (s.Parameter is { } p)
            {
                // A step applying a parameter cites that value's clause, and the parameter is listed.
                var used = Assert.Single(r.Parameters, u => u.Name == p);
                Assert.Equal(used.Clause, s.Clause);
            }
            else
            {
                Assert.StartsWith(rule.Clause, s.Clause, StringComparison.Ordinal);
            }
        });
        Assert.All(r.Parameters, p =>
        {
            Assert.Contains(p.Name, rule.Parameters);
            // Every parameter the result lists is applied by a step that says so.
            Assert.Contains(r.Steps, s => s.Parameter == p.Name);
            Assert.StartsWith(rule.Clause, p.Clause, StringComparison.Ordinal);
            Assert.True(p.EffectiveFrom <= r.Date);
        });
    }
}
