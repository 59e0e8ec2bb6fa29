using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Data;
using RdInvest.Policy;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.Calc;

/// <summary>`/calc`: the twelve rules of the plan (id, name, clause), each opening its calculator.</summary>
public sealed class IndexModel(RdInvestDb db, IStringLocalizer<SharedResource> text) : ReadingPageModel(text)
{
    public TableView Rules { get; private set; } = null!;

    protected override string PagePath => "/calc";

    public override bool ShowSelectors => false;

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        Title = T["Calc.Title"];
        Crumbs.Add(new Crumb(Title));
        Rules = Table("rules", T["Calc.RulesCaption"],
        [
            new("id", T["Calc.RuleId"]), new("name", T["Calc.RuleName"]), new("clause", T["Calc.Clause"]), new("inputs", T["Calc.Inputs"]),
        ], RuleRegistry.All.Select(r => new TableRow(
        [
            new TableCell(r.Id, int.Parse(r.Id[1..], System.Globalization.CultureInfo.InvariantCulture)),
            new TableCell(Name(r.TitleZh, r.TitleEn), r.Slug, "/calc/" + r.Slug),
            new TableCell(r.Clause, r.Clause),
            new TableCell(string.Join(", ", r.Inputs.Select(i => i.Name)), r.Inputs.Count),
        ])).ToList());
        return null;
    }
}
