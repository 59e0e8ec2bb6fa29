using Microsoft.Extensions.Localization;
using RdInvest.Data;
using RdInvest.Finance;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.Finance;

/// <summary>
/// The finance pages (二(三)7–10): the years to choose from are the years of the finance records (loans granted, financing
/// events), not of the R&amp;D figures; the records have no final/preliminary status. Money in 万元, the exact yuan on hover.
/// </summary>
public abstract class FinancePageModel(IStringLocalizer<SharedResource> text) : ReadingPageModel(text)
{
    public override bool ShowStatus => false;

    /// <summary>The frame, with the years of the finance records (the R&amp;D years when there are none yet).</summary>
    protected async Task LoadFinanceFrameAsync(RdInvestDb db, CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        var years = await FinanceRecords.YearsAsync(db, ct);
        if (years.Count > 0)
        {
            Years = years;
        }
        else if (Years.Count == 0)
        {
            Years = [TimeProvider.System.GetUtcNow().Year - 1];
        }
    }

    /// <summary>Yuan as 万元 with 2 decimals, the exact yuan on hover; sorts and exports by the exact 万元.</summary>
    public TableCell Wan(decimal? yuan) => yuan is { } y
        ? new TableCell((y / 10_000m).ToString("#,0.00", Fmt.Culture), y / 10_000m, null, null, null, Fmt.Yuan(y))
        : new TableCell(Format.Missing, null);

    /// <summary>A percent (no sign; the header carries it), or — with the reason on hover when there is none.</summary>
    public TableCell Pct(decimal? p, string? reasonWhenNull, int decimals = 2) => p is { } v
        ? new TableCell(v.ToString(decimals == 2 ? "#,0.00" : "#,0.0000", Fmt.Culture), v)
        : new TableCell(Format.Missing, null, null, reasonWhenNull is null ? null : new Badge(T["Finance.NoValue"], "prov-derived", reasonWhenNull), "rd-null", reasonWhenNull);

    public TableCell Count(int n) => new(n.ToString("#,0", Fmt.Culture), (decimal)n);

    public string KindName(string kind) => T["Finance.Kind." + kind];

    public string LoanKindName(string kind) => T["Finance.LoanKind." + kind];

    public string FinancingKindName(string kind) => T["Finance.FinancingKind." + kind];
}
