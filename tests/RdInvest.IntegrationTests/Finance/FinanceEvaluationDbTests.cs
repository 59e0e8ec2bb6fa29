using System.Diagnostics;
using System.Text.Json;
using MiniExcelLibs;
using RdInvest.Finance;
using RdInvest.IntegrationTests.Importing;

namespace RdInvest.IntegrationTests.Finance;

public sealed class FinanceEvaluationDbTests
{
    [Fact]
    public async Task Evaluate_ImportedScenario_PlanDefaults_JsonXlsxAndPdf()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await FinanceScenarioFiles.ImportAsync(db);
        var ct = TestContext.Current.CancellationToken;
        var xlsx = Path.Combine(db.Dir, "evaluation.xlsx");
        var pdf = Path.Combine(db.Dir, "evaluation.pdf");

        FinanceEvaluationResult result;
        await using (var context = db.Context())
        {
            result = await new FinanceEvaluationHandler(context).HandleAsync(new FinanceEvaluationRequest(2023, xlsx), ct);
            await new FinanceEvaluationHandler(context).HandleAsync(new FinanceEvaluationRequest(2023, pdf), ct);
        }

        Assert.True(result.DefaultParameters);
        Assert.Equal(5, result.TopN);
        var json = JsonDocument.Parse(JsonSerializer.Serialize(result, Common.JsonDefaults.Compact)).RootElement.GetProperty("results");
        Assert.Equal(["code", "name", "score", "rank", "outstanding"], json[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal([(FinanceScenarioFiles.Bank, 85m, 1), (FinanceScenarioFiles.Solo, 18.75m, 2)], result.Results.Select(r => (r.Code, r.Score, r.Rank)));

        var rows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: FinanceEvaluationHandler.Sheet).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(FinanceScenarioFiles.Bank, rows[0]["code"]);
        var text = PdfText(pdf);
        Assert.Contains("专项考评", text, StringComparison.Ordinal);
        Assert.Contains("独立科技支行", text, StringComparison.Ordinal);
    }

    private static string PdfText(string pdf)
    {
        using var p = Process.Start(new ProcessStartInfo("pdftotext", [pdf, "-"]) { RedirectStandardOutput = true })!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text;
    }
}
