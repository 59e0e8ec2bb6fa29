using System.Globalization;
using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Finance;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.FinanceRounds;

/// <summary>
/// What the finance round pages share: a round (previewed or saved) as summary cards, its claims with payee, record, claim,
/// amount paid and the once-only flags, and its totals per rule, both server-side tables; who may run and approve (the
/// roles of the post-subsidy rounds).
/// </summary>
public abstract class FinanceRoundPageModel(IStringLocalizer<SharedResource> text) : ReadingPageModel(text)
{
    public FinanceRoundResult? Round { get; protected set; }

    public TableView? Lines { get; private set; }

    public TableView? Rules { get; private set; }

    public string? Problem { get; protected set; }

    public override bool ShowStatus => false;

    public bool MayRun => CurrentUser?.IsIn(Roles.SubsidyRunners) == true;

    public bool MayApprove => CurrentUser?.IsIn(Roles.SubsidyApprovers) == true;

    protected Actor Actor => new(CurrentUser!.Name, HttpContext.TraceIdentifier);

    public string Say(UserError e) => IsEnglish ? e.MessageEn : e.MessageZh;

    public TableCell YuanCell(decimal? v) => new(v is { } y ? y.ToString("#,0.00", Fmt.Culture) : Format.Missing, v);

    public string Factor(FinanceRoundResult r) => r.ScaleFactor is { } f ? f.ToString("0.##########", Fmt.Culture) : T["SubsidyRounds.NotScaled"];

    protected void ShowRound(FinanceRoundResult r)
    {
        Round = r;
        var yuan = T["Unit.Yuan"];
        Lines = Table("lines", string.Format(Fmt.Culture, T["FinanceRounds.LinesCaption"], r.Year),
        [
            new("rule", T["FinanceRounds.Rule"]), new("payee", T["FinanceRounds.Payee"]), new("name", T["Unit.Name"]),
            new("league", T["SubsidyRounds.LeagueCity"]), new("record", T["FinanceRounds.Record"]),
            new("claim", $"{T["SubsidyRounds.Claim"]}（{yuan}）", true), new("paid", $"{T["SubsidyRounds.Paid"]}（{yuan}）", true),
            new("flags", T["SubsidyRounds.Flags"]),
        ], r.Lines.Select(l => new TableRow(
        [
            new TableCell($"{l.Rule} {l.Slug}", l.Rule),
            new TableCell(l.PayeeCode, l.PayeeCode, l.PayeeKind == FinanceRoundLine.UnitPayee ? "/units/" + l.PayeeCode : null),
            new TableCell(l.PayeeName + (l.PayeeKind == FinanceRoundLine.InstitutionPayee ? $"（{T["FinanceRounds.Institution"]}）" : ""), l.PayeeName),
            new TableCell(l.LeagueCity, l.LeagueCityCode ?? ""),
            new TableCell(l.Record, l.Record),
            YuanCell(l.Claim),
            YuanCell(l.Paid),
            Flag(l),
        ])).ToList(),
        new TableRow(
        [
            new TableCell(T["Table.Total"]), new TableCell(""), new TableCell(""), new TableCell(""), new TableCell(""),
            YuanCell(r.TotalClaims), YuanCell(r.TotalPaid), new TableCell(""),
        ]));
        Rules = Table("rules", string.Format(Fmt.Culture, T["FinanceRounds.RulesCaption"], r.Year),
        [
            new("rule", T["FinanceRounds.Rule"]), new("lines", T["FinanceRounds.LineCount"], true), new("eligible", T["SubsidyRounds.Eligible"], true),
            new("claims", $"{T["SubsidyRounds.Claim"]}（{yuan}）", true), new("paid", $"{T["SubsidyRounds.Paid"]}（{yuan}）", true),
        ], r.ByRule.Select(x => new TableRow(
        [
            new TableCell($"{x.Rule} {x.Slug}", x.Rule), Plain(x.Lines, "int"), Plain(x.Eligible, "int"), YuanCell(x.Claims), YuanCell(x.Paid),
        ])).ToList(),
        new TableRow(
        [
            new TableCell(T["Table.Total"]), Plain(r.Lines.Count, "int"), Plain(r.Eligible, "int"), YuanCell(r.TotalClaims), YuanCell(r.TotalPaid),
        ]));
    }

    private TableCell Flag(FinanceRoundLine l)
    {
        var text = l.PaidBefore is { } b ? string.Format(Fmt.Culture, T["FinanceRounds.Flag.Paid"], b.Year.ToString(CultureInfo.InvariantCulture))
            : l.DuplicateOf is { } d ? string.Format(Fmt.Culture, T["FinanceRounds.Flag.Duplicate"], d) : "";
        return new TableCell(text, text, null, null, text.Length > 0 ? "rd-flag-paid" : null);
    }
}
