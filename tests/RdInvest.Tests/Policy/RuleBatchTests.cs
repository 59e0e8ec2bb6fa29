using System.Text.Json.Nodes;
using MiniExcelLibs;
using RdInvest.Common;
using RdInvest.Exporting;
using RdInvest.Plans;
using RdInvest.Policy;
using Sylvan.Data.Csv;
using Xunit;

namespace RdInvest.Tests.Policy;

public sealed class RuleBatchTests : IDisposable
{
    private static readonly Plan Plan = PlanLoader.BuiltIn("im-rd-2021-2025");
    private static readonly RuleDefinition PostSubsidy = RuleRegistry.Find("post-subsidy");
    private readonly string _dir = Directory.CreateTempSubdirectory("rdinvest-batch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static BatchRow Row(int n, params (string, string)[] cells) => new(n, cells.Select(c => KeyValuePair.Create(c.Item1, c.Item2)).ToList());

    [Fact]
    public void Run_WhatIfCapRaised_GivesBothTotalsAndTheDifference()
    {
        // post-subsidy.csv: "capped" claims 5,200,000 capped at 5,000,000; "base_plus_increment" 220,000.
        BatchRow[] rows =
        [
            Row(2, ("year", "2023"), ("rd_prev", "80000000"), ("revenue_prev", "1000000000"), ("rd_prev2", "60000000")),
            Row(3, ("year", "2023"), ("rd_prev", "4000000"), ("revenue_prev", "100000000"), ("rd_prev2", "3000000")),
        ];
        var overrides = RuleBatch.ParseOverrides(PostSubsidy, ["post_subsidy.cap=8000000"]);
        var run = RuleBatch.Run(PostSubsidy, rows, Plan, null, DateOnly.MinValue, overrides);
        Assert.Empty(run.Errors);
        Assert.Equal(5_220_000m, run.Total);
        Assert.Equal(5_420_000m, run.WhatIfTotal);
        Assert.Equal(200_000m, run.Difference);
    }

    [Fact]
    public void Run_BadRows_ReportsEveryRowWithItsNumber()
    {
        BatchRow[] rows =
        [
            Row(2, ("year", "2023"), ("rd_prev", "abc"), ("revenue_prev", "1")),
            Row(3, ("year", "2023"), ("rd_prev", "1"), ("revenue_prev", "1")),
            Row(4, ("year", "2023"), ("rd_prev", "1"), ("revenue_prev", "")),
        ];
        var run = RuleBatch.Run(PostSubsidy, rows, Plan, null, DateOnly.MinValue);
        Assert.Equal([2, 4], run.Errors.Select(e => e.RowNumber));
        Assert.Contains("rd_prev", run.Errors[0].MessageEn, StringComparison.Ordinal);
        Assert.Contains("revenue_prev", run.Errors[1].MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DateColumn_OverridesTheRuleDate()
    {
        var sd = RuleRegistry.Find("super-deduction");
        BatchRow[] rows =
        [
            Row(2, ("date", "2020-12-31"), ("year", "2021"), ("expense", "1000000"), ("industry_code", "C3411")),
            Row(3, ("date", ""), ("year", "2021"), ("expense", "1000000"), ("industry_code", "C3411")),
        ];
        var run = RuleBatch.Run(sd, rows, Plan, null, DateOnly.MinValue);
        Assert.Equal([750_000m, 1_000_000m], run.Cases.Select(c => c.Result.Amount));
    }

    [Fact]
    public void CheckHeader_UnknownColumn_NamesIt()
    {
        var e = Assert.Throws<UserError>(() => RuleBatch.CheckHeader(PostSubsidy, ["credit_code", "year", "revenue"]));
        Assert.Contains("revenue", e.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseOverrides_ParameterTheRuleDoesNotUse_IsUsageError() =>
        Assert.Equal(2, Assert.Throws<UserError>(() => RuleBatch.ParseOverrides(PostSubsidy, ["loan_interest.cap=1"])).ExitCode);

    [Fact]
    public void ParseOverrides_TableAsJson_IsATable()
    {
        var o = RuleBatch.ParseOverrides(PostSubsidy, ["post_subsidy.tiers=[{\"min\":0.02,\"rate\":0.05}]"])!;
        Assert.IsType<JsonArray>(o["post_subsidy.tiers"]);
        var r = PostSubsidy.Evaluate([new("year", "2023"), new("rd_prev", "1000000"), new("revenue_prev", "100000000"), new("rd_prev2", "1000000")],
            Plan, null, DateOnly.MinValue, o);
        Assert.Equal(0m, r.Amount); // 1 % is below the changed lowest tier of 2 %
    }

    [Fact]
    public void Files_CsvInCsvOut_WritesEveryCaseAndATotalRow()
    {
        var input = Path.Combine(_dir, "in.csv");
        File.WriteAllText(input, "credit_code,year,rd_prev,revenue_prev,rd_prev2\nA,2023,4000000,100000000,3000000\nB,2023,2000000,50000000,\n");
        var (header, rows) = RuleBatchFiles.Read(input);
        RuleBatch.CheckHeader(PostSubsidy, header);
        var run = RuleBatch.Run(PostSubsidy, rows, Plan, null, DateOnly.MinValue);
        var output = Path.Combine(_dir, "out.csv");
        RuleBatchFiles.Write(output, run);
        using var csv = CsvDataReader.Create(output);
        var amounts = new List<(string Row, string Amount, string Explanation)>();
        while (csv.Read())
        {
            amounts.Add((csv.GetString(csv.GetOrdinal("row")), csv.GetString(csv.GetOrdinal("amount")), csv.GetString(csv.GetOrdinal("explanation"))));
        }
        Assert.Equal(["2", "3", RuleBatchFiles.TotalLabel], amounts.Select(a => a.Row));
        // B has no year − 2 figure: base 2,000,000 × 3 % = 60,000 and no increment.
        Assert.Equal(["220000", "60000", "280000"], amounts.Select(a => a.Amount));
        Assert.Contains("二(二)6", amounts[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_CsvStreamedInBlocks_EqualsTheWholeTableByteForByte()
    {
        // 2,501 cases: three blocks of the streamed writer, the last one partial, then the total row.
        var rows = Enumerable.Range(0, 2_501).Select(i => Row(i + 2, ("credit_code", $"C{i}"), ("year", "2023"),
            ("rd_prev", (1_000_000 + i * 997).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("revenue_prev", "100000000"), ("rd_prev2", i % 3 == 0 ? "" : "900000"))).ToList();
        var run = RuleBatch.Run(PostSubsidy, rows, Plan, null, DateOnly.MinValue);
        var whole = Path.Combine(_dir, "whole.csv");
        var streamed = Path.Combine(_dir, "streamed.csv");
        RuleBatchFiles.Write(whole, run);
        RuleBatchFiles.WriteCsvStreaming(streamed, run with { Cases = [] }, run.Cases,
            RuleBatchFiles.CellColumns(run.Cases), RuleBatchFiles.OutputColumns(run.Cases));
        Assert.Equal(File.ReadAllBytes(whole), File.ReadAllBytes(streamed));
    }

    [Fact]
    public void Files_XlsxInXlsxOut_ReadsNumericCellsExactly()
    {
        var input = Path.Combine(_dir, "in.xlsx");
        MiniExcel.SaveAs(input, new[]
        {
            new Dictionary<string, object> { ["year"] = 2023, ["rd_prev"] = 1234525, ["revenue_prev"] = 100000000, ["rd_prev2"] = 1234525 },
        });
        var (header, rows) = RuleBatchFiles.Read(input);
        RuleBatch.CheckHeader(PostSubsidy, header);
        var run = RuleBatch.Run(PostSubsidy, rows, Plan, null, DateOnly.MinValue);
        Assert.Equal(24_691m, Assert.Single(run.Cases).Result.Amount); // post-subsidy.csv round_half_up
        var output = Path.Combine(_dir, "out.xlsx");
        RuleBatchFiles.Write(output, run);
        var back = MiniExcel.Query(output, useHeaderRow: true, sheetName: "结果 results").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, back.Count);
        Assert.Equal(RuleBatchFiles.TotalLabel, back[1]["row"]);
        Assert.Equal(24_691m, Convert.ToDecimal(back[1]["amount"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-5", "'-5")]
    [InlineData("\uff1dcmd|' /C calc'!A0", "'\uff1dcmd|' /C calc'!A0")]
    [InlineData("甲公司", "甲公司")]
    public void CellSafety_FormulaLikeText_IsPrefixed(string text, string expected) => Assert.Equal(expected, CellSafety.Neutralise(text));

    /// <summary>The batch writer uses the one defence: full-width ＝ and a leading minus are neutralised too.</summary>
    [Fact]
    public void Files_FormulaInACarriedCell_IsWrittenAsText()
    {
        var input = Path.Combine(_dir, "formula.csv");
        File.WriteAllText(input, "name,comment,taxable_income\n\uff1dcmd|' /C calc'!A0,-2+3,1000000\n");
        var rule = RuleRegistry.Find("R7");
        var (header, rows) = RuleBatchFiles.Read(input);
        var run = RuleBatch.Run(rule, rows, Plan, new DateOnly(2023, 12, 31), DateOnly.MinValue);
        var output = Path.Combine(_dir, "formula-out.csv");
        RuleBatchFiles.Write(output, run);
        using var csv = CsvDataReader.Create(output);
        Assert.True(csv.Read());
        Assert.Equal("'\uff1dcmd|' /C calc'!A0", csv.GetString(csv.GetOrdinal("name")));
        Assert.Equal("'-2+3", csv.GetString(csv.GetOrdinal("comment")));
    }
}
