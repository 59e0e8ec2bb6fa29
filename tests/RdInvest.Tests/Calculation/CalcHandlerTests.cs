using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RdInvest.Calculation;
using RdInvest.Common;
using RdInvest.Plans;
using RdInvest.Policy;

namespace RdInvest.Tests.Calculation;

/// <summary>The one calculation use case: clock, dates, bounds, overflow, batch limits and the form description.</summary>
public sealed class CalcHandlerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CalcHandler Handler(DateTimeOffset? now = null) =>
        new(new PlanResolver(null), new FakeTimeProvider(now ?? new DateTimeOffset(2023, 6, 30, 12, 0, 0, TimeSpan.Zero)));

    private static Dictionary<string, string> In(params (string Name, string Value)[] values) => values.ToDictionary(v => v.Name, v => v.Value);

    [Fact]
    public async Task Handle_RuleWithoutADate_UsesTodayOfTheInjectedClock()
    {
        var r = await Handler(new DateTimeOffset(2022, 3, 4, 10, 0, 0, TimeSpan.Zero))
            .HandleAsync("R7", new CalcRequest(In(("taxable_income", "1000000"))), Ct);
        Assert.Equal(new DateOnly(2022, 3, 4), r.Plan.Date);
        Assert.Null(r.Whatif);
    }

    [Fact]
    public async Task Handle_WhatIf_GivesBothResultsAndTheDifference()
    {
        var r = await Handler().HandleAsync("innovation-voucher",
            new CalcRequest(In(("service_cost", "100000")), "2023-06-30", Set: new() { ["innovation_voucher.rate"] = "30%" }), Ct);
        Assert.Equal(50_000m, r.Plan.Amount);
        Assert.Equal(30_000m, r.Whatif!.Amount);
        Assert.Equal(-20_000m, r.Difference);
    }

    [Fact]
    public async Task Handle_BadDate_NamesTheFieldInBothLanguages()
    {
        var e = await Assert.ThrowsAsync<UserError>(() => Handler().HandleAsync("R7", new CalcRequest(In(("taxable_income", "1")), "30/06/2023"), Ct));
        Assert.Contains("date", e.MessageZh, StringComparison.Ordinal);
        Assert.Contains("YYYY-MM-DD", e.MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("R10", "principal", "99999999999999999999")]
    [InlineData("R2", "rd_prev", "79228162514264337593543950335")]
    [InlineData("R10", "annual_rate", "250%")]
    public async Task Handle_InputOutOfRange_IsARejectedInputNamingIt(string rule, string input, string value)
    {
        var inputs = rule == "R10"
            ? In(("principal", "1000000"), ("annual_rate", "4%"), ("days", "90"))
            : In(("year", "2023"), ("rd_prev", "1000000"), ("revenue_prev", "100000000"));
        inputs[input] = value;
        var e = await Assert.ThrowsAsync<InputOutOfRangeError>(() => Handler().HandleAsync(rule, new CalcRequest(inputs, "2023-06-30"), Ct));
        Assert.Equal(input, e.Field);
        Assert.Equal(1, e.ExitCode);
        Assert.Contains(input, e.MessageZh, StringComparison.Ordinal);
        Assert.Contains(input, e.MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("innovation_voucher.rate", "1e20")]
    [InlineData("innovation_voucher.cap", "-1")]
    public async Task Handle_WhatIfOutOfRange_IsARejectedInputNamingTheParameter(string name, string value)
    {
        var e = await Assert.ThrowsAsync<InputOutOfRangeError>(() => Handler().HandleAsync("R8",
            new CalcRequest(In(("service_cost", "100000")), Set: new() { [name] = value }), Ct));
        Assert.Equal(name, e.Field);
    }

    [Fact]
    public async Task Handle_WhatIfThatDividesByZero_IsARejectedInputNotAnInternalError()
    {
        var e = await Assert.ThrowsAsync<InputOutOfRangeError>(() => Handler().HandleAsync("R10",
            new CalcRequest(In(("principal", "1000000"), ("annual_rate", "4%"), ("days", "90")), "2023-06-30",
                Set: new() { ["loan_interest.day_count"] = "0" }), Ct));
        Assert.Equal("loan_interest.day_count", e.Field);
        Assert.Contains("loan_interest.day_count", e.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Form_DeclaredInputs_CarryTypeRequiredAndHelpInBothLanguages()
    {
        var form = CalcHandler.Form("loan-interest");
        Assert.Equal("R10", form.Rule);
        var principal = Assert.Single(form.Inputs, i => i.Name == "principal");
        Assert.Equal(InputType.Money, principal.Type);
        Assert.True(principal.Required);
        Assert.Equal("贷款本金（元）", principal.HelpZh);
        Assert.Equal("loan principal (yuan)", principal.HelpEn);
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string Rows(int n)
    {
        var sb = new StringBuilder("case,taxable_income\n");
        for (var i = 0; i < n; i++)
        {
            sb.Append('c').Append(i).Append(",1000000\n");
        }
        return sb.ToString();
    }

    [Fact]
    public async Task Batch_WithinLimits_StreamsTheCasesAndTotals()
    {
        using var input = Csv(Rows(3));
        var batch = await Handler().BatchAsync("R7", new CalcBatchRequest("2023-12-31"), input, "cases.csv", BatchLimits.Web, Ct);
        Assert.True(batch.Accepted);
        Assert.Equal(3, batch.Summary.CaseCount);
        Assert.Empty(batch.Summary.Cases);
        using var output = new MemoryStream();
        await batch.WriteJsonAsync(output, indented: false, Ct);
        using var json = JsonDocument.Parse(output.ToArray());
        Assert.Equal(3, json.RootElement.GetProperty("cases").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("results").GetArrayLength());
        Assert.Equal(300_000m, json.RootElement.GetProperty("total").GetDecimal());
        Assert.Equal("c2", json.RootElement.GetProperty("results")[2].GetProperty("cells").GetProperty("case").GetString());
    }

    [Fact]
    public async Task Batch_MoreRowsThanTheLimit_IsTooLarge()
    {
        using var input = Csv(Rows(11));
        var e = await Assert.ThrowsAsync<BatchTooLargeError>(() =>
            Handler().BatchAsync("R7", new CalcBatchRequest("2023-12-31"), input, "cases.csv", new BatchLimits(10, long.MaxValue), Ct));
        Assert.Contains("10", e.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_AnswerLargerThanTheLimit_IsTooLarge()
    {
        using var input = Csv(Rows(5));
        await Assert.ThrowsAsync<BatchTooLargeError>(() =>
            Handler().BatchAsync("R7", new CalcBatchRequest("2023-12-31"), input, "cases.csv", new BatchLimits(100, 2_000), Ct));
    }

    [Fact]
    public async Task Batch_OverflowingRow_IsARejectedRowNamingTheInput()
    {
        using var input = Csv("case,principal,annual_rate,days\na,1000000,4%,90\nb,99999999999999999999,4%,90\n");
        var batch = await Handler().BatchAsync("R10", new CalcBatchRequest("2023-06-30"), input, "cases.csv", BatchLimits.Web, Ct);
        Assert.False(batch.Accepted);
        var error = Assert.Single(batch.Summary.Errors);
        Assert.Equal(3, error.RowNumber);
        Assert.Contains("principal", error.MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cases.csv")]
    [InlineData("cases.xlsx")]
    public async Task Batch_RandomBytes_IsAUserError(string name)
    {
        var bytes = new byte[20_000];
        new Random(7).NextBytes(bytes);
        using var input = new MemoryStream(bytes);
        await Assert.ThrowsAnyAsync<UserError>(() => Handler().BatchAsync("R8", new CalcBatchRequest(), input, name, BatchLimits.Web, Ct));
    }
}
