using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Divisions;
using RdInvest.Payments;
using RdInvest.Policy;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.Payments;

/// <summary>
/// `/payments`: the payment register (GET /api/v1/payments's handler) filtered by rule, year and league/city, exported as
/// shown; finance records a payment (POST /api/v1/payments's handler) with the errors beside the fields, and the
/// once-only rules (R1 once ever, R2 once a year) refused as a plain message with the earlier payment named.
/// </summary>
public sealed class IndexModel(RdInvestDb db, TimeProvider clock, IStringLocalizer<SharedResource> text) : ReadingPageModel(text)
{
    [BindProperty(SupportsGet = true, Name = "rule")]
    public string? Rule { get; set; }

    [BindProperty(SupportsGet = true, Name = "league")]
    public string? League { get; set; }

    /// <summary>The payment just recorded (after the redirect).</summary>
    [BindProperty(SupportsGet = true, Name = "recorded")]
    public long? Recorded { get; set; }

    [BindProperty(Name = "pay_credit_code")]
    public string? PayCreditCode { get; set; }

    [BindProperty(Name = "pay_rule")]
    public string? PayRule { get; set; }

    [BindProperty(Name = "pay_year")]
    public string? PayYear { get; set; }

    [BindProperty(Name = "pay_amount")]
    public string? PayAmount { get; set; }

    [BindProperty(Name = "pay_paid_on")]
    public string? PayPaidOn { get; set; }

    [BindProperty(Name = "pay_note")]
    public string? PayNote { get; set; }

    /// <summary>Errors beside the record form's fields (credit_code, rule, year, amount, paid_on, note).</summary>
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>A refusal of the whole payment (a once-only rule paid already), in the page's language.</summary>
    public string? Problem { get; private set; }

    public PaymentRegisterRow? RecordedRow { get; private set; }

    public TableView Register { get; private set; } = null!;

    public IReadOnlyList<RuleDefinition> Rules => RuleRegistry.All;

    public IReadOnlyList<DivisionItem> Leagues { get; private set; } = [];

    public bool MayRecord => CurrentUser?.IsIn(Roles.PaymentRecorders) == true;

    public override bool ShowSelectors => false;

    protected override string PagePath => "/payments";

    protected override string TableUrl
    {
        get
        {
            var q = new List<string>();
            if (Year is { } y)
            {
                q.Add("year=" + y.ToString(CultureInfo.InvariantCulture));
            }
            if (!string.IsNullOrEmpty(Rule))
            {
                q.Add("rule=" + Uri.EscapeDataString(Rule));
            }
            if (!string.IsNullOrEmpty(League))
            {
                q.Add("league=" + Uri.EscapeDataString(League));
            }
            return q.Count == 0 ? PagePath : PagePath + "?" + string.Join("&", q);
        }
    }

    public string RuleTitle(RuleDefinition r) => $"{r.Id} {(IsEnglish ? r.TitleEn : r.TitleZh)}";

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        Title = T["Payments.Title"];
        Crumbs.Add(new Crumb(Title));
        Leagues = await new DivisionQueryHandler(db).HandleAsync(new DivisionQuery(DivisionLevels.LeagueCity, null), ct);
        if (!string.IsNullOrEmpty(Rule) && !Rules.Any(r => r.Id == Rule))
        {
            Rule = null;
        }
        var rows = await new PaymentRegisterHandler(db).ListAsync(new PaymentQuery(null, Rule, Year, string.IsNullOrEmpty(League) ? null : League), ct);
        RecordedRow = Recorded is { } id ? rows.FirstOrDefault(r => r.Id == id) : null;
        var yuan = T["Unit.Yuan"];
        Register = Table("payments", T["Payments.Caption"],
        [
            new("id", T["Payments.Id"], true), new("code", T["Unit.CreditCode"]), new("name", T["Unit.Name"]), new("league", T["SubsidyRounds.LeagueCity"]),
            new("rule", T["Unit.PaymentRule"]), new("year", T["Chart.Year"], true), new("amount", $"{T["Unit.PaymentAmount"]}（{yuan}）", true),
            new("paid", T["Unit.PaymentPaidOn"]), new("source", T["Unit.PaymentSource"]), new("note", T["Payments.Note"]),
        ], rows.OrderByDescending(r => r.Id).Select(r => new TableRow(
        [
            new TableCell(r.Id.ToString(CultureInfo.InvariantCulture), (decimal)r.Id),
            new TableCell(r.CreditCode, r.CreditCode, "/units/" + r.CreditCode),
            new TableCell(r.Name, r.Name),
            new TableCell(Name(r.LeagueCity, r.LeagueCityEn), r.LeagueCityCode),
            new TableCell(r.Rule, r.Rule),
            new TableCell(r.Year.ToString(CultureInfo.InvariantCulture), (decimal)r.Year),
            new TableCell(r.Amount.ToString("#,0.00", Fmt.Culture), r.Amount),
            new TableCell(r.PaidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.PaidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new TableCell(r.Source, r.Source, r.RoundId is { } round ? "/subsidy-rounds/" + round.ToString(CultureInfo.InvariantCulture) : null),
            new TableCell(r.Note ?? "", r.Note),
        ], r.Id == Recorded)).ToList(),
        new TableRow(
        [
            new TableCell(T["Table.Total"]), new TableCell(string.Format(Fmt.Culture, T["Payments.Count"], rows.Count)), new TableCell(""), new TableCell(""),
            new TableCell(""), new TableCell(""), new TableCell(rows.Sum(r => r.Amount).ToString("#,0.00", Fmt.Culture), rows.Sum(r => r.Amount)),
            new TableCell(""), new TableCell(""), new TableCell(""),
        ]));
        return null;
    }

    /// <summary>Records one payment (finance) and shows it in the register; what is wrong shows beside its field.</summary>
    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        if (!MayRecord)
        {
            return Forbid();
        }
        if (Input() is { } input)
        {
            try
            {
                var view = await new PaymentHandler(db, clock).RecordAsync(input, new Actor(CurrentUser!.Name, HttpContext.TraceIdentifier), ct);
                return Redirect("/payments?recorded=" + view.Id.ToString(CultureInfo.InvariantCulture));
            }
            catch (PaymentFieldError e)
            {
                FieldErrors[e.Field] = Say(e);
            }
            catch (InputOutOfRangeError e)
            {
                FieldErrors[e.Field] = Say(e);
            }
            catch (NotFoundError e)
            {
                FieldErrors["credit_code"] = Say(e);
            }
            catch (UserError e)
            {
                Problem = Say(e);
            }
        }
        return await LoadAsync(ct) ?? Page();
    }

    private string Say(UserError e) => IsEnglish ? e.MessageEn : e.MessageZh;

    /// <summary>The form as the handler's input, or null with each unreadable field's error beside it.</summary>
    private PaymentInput? Input()
    {
        var code = PayCreditCode?.Trim() ?? "";
        if (code.Length == 0)
        {
            FieldErrors["credit_code"] = T["Payments.Error.CreditCode"];
        }
        if (string.IsNullOrWhiteSpace(PayRule))
        {
            FieldErrors["rule"] = T["Payments.Error.Rule"];
        }
        if (!int.TryParse(PayYear?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            FieldErrors["year"] = string.Format(Fmt.Culture, T["Payments.Error.Year"], PayYear?.Trim());
        }
        if (!decimal.TryParse(PayAmount?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            FieldErrors["amount"] = string.Format(Fmt.Culture, T["Payments.Error.Amount"], PayAmount?.Trim());
        }
        DateOnly? paidOn = null;
        if (!string.IsNullOrWhiteSpace(PayPaidOn))
        {
            if (DateOnly.TryParseExact(PayPaidOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                paidOn = d;
            }
            else
            {
                FieldErrors["paid_on"] = string.Format(Fmt.Culture, T["Payments.Error.PaidOn"], PayPaidOn.Trim());
            }
        }
        return FieldErrors.Count == 0 ? new PaymentInput(code, PayRule!.Trim(), year, amount, paidOn, null, string.IsNullOrWhiteSpace(PayNote) ? null : PayNote.Trim()) : null;
    }
}
