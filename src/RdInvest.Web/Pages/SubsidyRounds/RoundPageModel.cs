using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Divisions;
using RdInvest.Subsidies;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.SubsidyRounds;

/// <summary>
/// What the round pages share: a round (previewed or saved) as summary cards, its list of enterprises with their flags
/// (R1 or R2 paid before) and its totals per league/city, both server-side tables; who may run and approve.
/// </summary>
public abstract class RoundPageModel(IStringLocalizer<SharedResource> text) : ReadingPageModel(text)
{
    /// <summary>The round shown, when there is one.</summary>
    public SubsidyRoundView? Round { get; protected set; }

    public TableView? Lines { get; private set; }

    public TableView? Cities { get; private set; }

    /// <summary>A refusal or conflict of the last action, in the page's language.</summary>
    public string? Problem { get; protected set; }

    public override bool ShowStatus => false;

    /// <summary>Roles that preview a round (as GET /api/v1/subsidy-rounds/preview).</summary>
    public bool MayRun => CurrentUser?.IsIn(Roles.SubsidyRunners) == true;

    /// <summary>Roles that save and approve rounds.</summary>
    public bool MayApprove => CurrentUser?.IsIn(Roles.SubsidyApprovers) == true;

    protected Actor Actor => new(CurrentUser!.Name, HttpContext.TraceIdentifier);

    public string Say(UserError e) => IsEnglish ? e.MessageEn : e.MessageZh;

    /// <summary>Full yuan with thousands separators (payment lists), the header carrying the unit.</summary>
    public TableCell YuanCell(decimal? v) => new(v is { } y ? y.ToString("#,0.00", Fmt.Culture) : Format.Missing, v);

    /// <summary>The factor as the round applies it (10 decimals), or the words for "not scaled".</summary>
    public string Factor(SubsidyRoundView r) => r.ScaleFactor is { } f ? f.ToString("0.##########", Fmt.Culture) : T["SubsidyRounds.NotScaled"];

    private Dictionary<string, DivisionItem> _leagues = new(StringComparer.Ordinal);

    /// <summary>A league/city's name in the page's language (the round keeps the Chinese one).</summary>
    public string League(string code, string zh) => _leagues.TryGetValue(code, out var d) ? Name(d.NameZh, d.NameEn) : zh;

    /// <summary>Registers the round's two tables (list and totals per league/city).</summary>
    protected async Task ShowRoundAsync(RdInvestDb db, SubsidyRoundView r, CancellationToken ct)
    {
        _leagues = (await new DivisionQueryHandler(db).HandleAsync(new DivisionQuery(DivisionLevels.LeagueCity, null), ct))
            .ToDictionary(d => d.Code, StringComparer.Ordinal);
        Round = r;
        var yuan = T["Unit.Yuan"];
        var wan = T["Unit.Wan"];
        Lines = Table("lines", string.Format(Fmt.Culture, T["SubsidyRounds.LinesCaption"], r.Year),
        [
            new("code", T["Unit.CreditCode"]), new("name", T["Unit.Name"]), new("league", T["SubsidyRounds.LeagueCity"]),
            new("rd_prev", $"{T["SubsidyRounds.RdPrev"]}（{wan}）", true), new("revenue_prev", $"{T["SubsidyRounds.RevenuePrev"]}（{wan}）", true),
            new("claim", $"{T["SubsidyRounds.Claim"]}（{yuan}）", true), new("paid", $"{T["SubsidyRounds.Paid"]}（{yuan}）", true),
            new("flags", T["SubsidyRounds.Flags"]), new("r1", $"{T["SubsidyRounds.R1Claim"]}（{yuan}）", true),
        ], r.Lines.Select(l => new TableRow(
        [
            new TableCell(l.CreditCode, l.CreditCode, "/units/" + l.CreditCode),
            new TableCell(l.Name, l.Name),
            new TableCell(League(l.LeagueCityCode, l.LeagueCity), l.LeagueCityCode),
            Plain(l.RdPrev, "wan"),
            Plain(l.RevenuePrev, "wan"),
            YuanCell(l.Claim),
            YuanCell(l.Paid),
            Flags(l),
            YuanCell(l.R1Claim),
        ])).ToList(),
        new TableRow(
        [
            new TableCell(T["Table.Total"]), new TableCell(string.Format(Fmt.Culture, T["SubsidyRounds.EnterprisesCount"], r.Enterprises)), new TableCell(""),
            new TableCell(""), new TableCell(""), YuanCell(r.TotalClaims), YuanCell(r.TotalPaid), new TableCell(""), YuanCell(r.R1TotalClaims),
        ]));
        Cities = Table("cities", string.Format(Fmt.Culture, T["SubsidyRounds.CitiesCaption"], r.Year),
        [
            new("league", T["SubsidyRounds.LeagueCity"]), new("enterprises", T["SubsidyRounds.Enterprises"], true),
            new("eligible", T["SubsidyRounds.Eligible"], true), new("claims", $"{T["SubsidyRounds.Claim"]}（{yuan}）", true),
            new("paid", $"{T["SubsidyRounds.Paid"]}（{yuan}）", true),
        ], r.ByLeagueCity.Select(c => new TableRow(
        [
            new TableCell(League(c.Code, c.Name), c.Code), Plain(c.Enterprises, "int"), Plain(c.Eligible, "int"), YuanCell(c.Claims), YuanCell(c.Paid),
        ])).ToList(),
        new TableRow(
        [
            new TableCell(T["Table.Total"]), Plain(r.Enterprises, "int"), Plain(r.Eligible, "int"), YuanCell(r.TotalClaims), YuanCell(r.TotalPaid),
        ]));
    }

    /// <summary>What stands out about a line: R1 paid before (once ever), R2 paid this year already, an R1 claim.</summary>
    private TableCell Flags(SubsidyRoundLineView l)
    {
        var flags = new List<string>();
        if (l.R1PaidYear is { } y)
        {
            flags.Add(string.Format(Fmt.Culture, T["SubsidyRounds.Flag.R1Paid"], y));
        }
        if (l.R2PaidBefore is not null)
        {
            flags.Add(T["SubsidyRounds.Flag.R2Paid"]);
        }
        if (l.R1Claim is > 0m)
        {
            flags.Add(T["SubsidyRounds.Flag.R1Claim"]);
        }
        var text = flags.Count == 0 ? "" : string.Join(" · ", flags);
        return new TableCell(text, text, null, null, l.R1PaidYear is not null || l.R2PaidBefore is not null ? "rd-flag-paid" : null);
    }
}
