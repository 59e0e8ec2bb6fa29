using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Data;
using RdInvest.Finance;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.Finance.Evaluation;

/// <summary>
/// `/finance/evaluation/{year}`: the special evaluation of financial institutions (二(三)10) from
/// <see cref="FinanceEvaluationHandler"/> (as `rdinvest finance evaluate` and GET /api/v1/finance/evaluation/{year}):
/// scores, competition ranks, the outstanding ones (贡献突出), the weights and top-N in force with their "default"
/// flag; the table as XLSX and as the PDF printed like the notification.
/// </summary>
public sealed class IndexModel(RdInvestDb db, Plans.PlanResolver plans, IStringLocalizer<SharedResource> text) : FinancePageModel(text)
{
    public FinanceEvaluationResult Data { get; private set; } = null!;

    public TableView Results { get; private set; } = null!;

    public TableView Weights { get; private set; } = null!;

    protected override string PagePath => "/finance/evaluation/" + SelectedYear.ToString(CultureInfo.InvariantCulture);

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var route = RouteData.Values["year"] as string;
        if (Request.Query["year"].FirstOrDefault() is { } q && route is not null && q != route
            && int.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            return Redirect("/finance/evaluation/" + y.ToString(CultureInfo.InvariantCulture));
        }
        await LoadFinanceFrameAsync(db, ct);
        Data = await new FinanceEvaluationHandler(db, plans).HandleAsync(new FinanceEvaluationRequest(SelectedYear), ct);
        Synthetic = await FinanceRecords.AnySyntheticAsync(db, ct);
        Title = string.Format(Fmt.Culture, T["Finance.Evaluation.Title"], Data.Year);
        Crumbs.Add(new Crumb(T["Nav.Group.finance"]));
        Crumbs.Add(new Crumb(Title));
        Results = Table("results", string.Format(Fmt.Culture, T["Finance.Evaluation.Caption"], Data.Year),
        [
            new("rank", T["Finance.Rank"], true), new("name", T["Finance.Name"]), new("code", T["Finance.Code"]),
            new("score", T["Finance.Score"], true), new("outstanding", T["Finance.Outstanding"]),
        ], Data.Results.Select(r => new TableRow(
        [
            Count(r.Rank),
            new TableCell(r.Name, r.Name, null, null, r.Outstanding ? "fw-bold" : null),
            new TableCell(r.Code, r.Code),
            new TableCell(r.Score.ToString("0.00", Fmt.Culture), r.Score, null, null, "fw-bold"),
            r.Outstanding
                ? new TableCell("", T["Finance.OutstandingBadge"].Value, null, new Badge(T["Finance.OutstandingBadge"], "rd-outstanding", T["Finance.OutstandingTitle"]))
                : new TableCell("", ""),
        ], r.Outstanding)).ToList());
        Weights = Table("weights", T["Finance.Evaluation.WeightsCaption"],
            [new("criterion", T["Finance.Criterion"]), new("key", T["Finance.Key"]), new("weight", T["Finance.Weight"], true)],
            Data.Weights.Select(w => new TableRow(
            [
                new TableCell(T["Finance.Criterion." + w.Key], T["Finance.Criterion." + w.Key].Value), new TableCell(w.Key, w.Key),
                new TableCell(w.Value.ToString("0.###", Fmt.Culture), w.Value, null,
                    Data.DefaultParameters ? new Badge(T["Finance.Default"], "rd-default", T["Finance.DefaultTitle"]) : null),
            ])).ToList());
        return null;
    }

    /// <summary>The evaluation table as `rdinvest finance evaluate --out F.xlsx|F.pdf` writes it (the PDF printed by the notification's route).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string? format, CancellationToken ct)
    {
        var (ext, type) = format switch
        {
            "pdf" => (".pdf", "application/pdf"),
            _ => (".xlsx", XlsxType),
        };
        await LoadFinanceFrameAsync(db, ct);
        var dir = Directory.CreateTempSubdirectory("rdinvest-finance-evaluation-");
        try
        {
            var path = Path.Combine(dir.FullName, "evaluation" + ext);
            await new FinanceEvaluationHandler(db, plans).HandleAsync(new FinanceEvaluationRequest(SelectedYear, path), ct);
            return File(await System.IO.File.ReadAllBytesAsync(path, ct), type,
                $"rdinvest-finance-evaluation-{SelectedYear.ToString(CultureInfo.InvariantCulture)}{ext}");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    public string Download(string format) => $"/finance/evaluation/{Data.Year.ToString(CultureInfo.InvariantCulture)}?handler=download&format={format}&year={Data.Year.ToString(CultureInfo.InvariantCulture)}";
}
