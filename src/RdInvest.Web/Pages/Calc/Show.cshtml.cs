using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Calculation;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Plans;
using RdInvest.Policy;

namespace RdInvest.Web.Pages.Calc;

/// <summary>
/// `/calc/{rule-slug}`: a form generated from the rule's declared inputs (<see cref="CalcHandler.Form"/>), each field
/// checked by <see cref="CalcHandler.CheckAsync"/> with its error beside it, then the result of
/// <see cref="CalcHandler.HandleAsync"/> — the handler of `POST /api/v1/rules/{rule}/calc` and `rdinvest calc` — with
/// its steps, the parameters in force and, when a parameter is changed, the what-if result beside it and the
/// difference. htmx posts the form and swaps the form and result (`_CalcArea`); without script the page posts whole.
/// An enterprise's inputs are pre-filled from its own records (<see cref="CalcPrefillHandler"/>).
/// </summary>
public sealed class ShowModel(RdInvestDb db, CalcHandler calc, IStringLocalizer<SharedResource> text) : RdPageModel(text)
{
    public const string InputPrefix = "in.";

    [BindProperty(SupportsGet = true, Name = "slug")]
    public string Slug { get; set; } = "";

    public RuleDefinition Rule { get; private set; } = null!;

    public CalcForm Form { get; private set; } = null!;

    public Plan Plan { get; private set; } = null!;

    /// <summary>The inputs as typed (or pre-filled), by input name.</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>The what-if parameter values as typed, by parameter name.</summary>
    public Dictionary<string, string> Sets { get; } = new(StringComparer.Ordinal);

    public string? Date { get; private set; }

    /// <summary>Field errors by field name (an input, <c>date</c> or <c>set.NAME</c>).</summary>
    public Dictionary<string, ValidationFinding> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>An error not tied to one field (inputs that contradict each other).</summary>
    public string? FormError { get; private set; }

    public CalcResult? Result { get; private set; }

    public CalcPrefill? Prefill { get; private set; }

    /// <summary>An enterprise may have its inputs filled from its own records for this rule.</summary>
    public bool CanPrefill => CurrentUser?.Role == Roles.Enterprise && CalcPrefillHandler.Rules.Contains(Rule.Id);

    public override bool ShowSelectors => false;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (CanPrefill)
        {
            await PrefillAsync(Year, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        ReadForm();
        var request = new CalcRequest(Values.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(), Date,
            Set: Sets.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value.Trim()));
        foreach (var f in await calc.CheckAsync(Rule.Id, request, ct))
        {
            Errors.TryAdd(f.Field, f);
        }
        if (Errors.Count == 0)
        {
            try
            {
                Result = await calc.HandleAsync(Rule.Id, request, ct);
            }
            catch (UserError e)
            {
                var field = e is InputOutOfRangeError r ? (Rule.Input(r.Field) is not null ? r.Field : Rule.Parameters.Contains(r.Field) ? CalcFormCheck.SetPrefix + r.Field : null) : null;
                if (field is not null)
                {
                    Errors[field] = new ValidationFinding(field, null, "calc.range", e.MessageZh, e.MessageEn);
                }
                else
                {
                    FormError = IsEnglish ? e.MessageEn : e.MessageZh;
                }
            }
        }
        return Area();
    }

    /// <summary>An enterprise fills the form from its own records for the year it typed.</summary>
    public async Task<IActionResult> OnPostPrefillAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!CanPrefill)
        {
            return Forbid();
        }
        ReadForm();
        var year = Values.TryGetValue("year", out var y) && int.TryParse(y, NumberStyles.Integer, CultureInfo.InvariantCulture, out var yy) ? yy : (int?)null;
        await PrefillAsync(year, ct);
        return Area();
    }

    private IActionResult Area() => Request.Headers.ContainsKey("HX-Request") ? Partial("_CalcArea", this) : Page();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var rule = RuleRegistry.All.FirstOrDefault(r => string.Equals(r.Slug, Slug, StringComparison.OrdinalIgnoreCase));
        if (rule is null)
        {
            return false;
        }
        await LoadFrameAsync(db, ct);
        Rule = rule;
        Form = CalcHandler.Form(rule.Slug);
        Plan = await calc.PlanAsync(null, ct);
        Title = $"{rule.Id} {Name(rule.TitleZh, rule.TitleEn)}";
        Crumbs.Add(new Crumb(T["Calc.Title"], "/calc"));
        Crumbs.Add(new Crumb(Title));
        return true;
    }

    private async Task PrefillAsync(int? year, CancellationToken ct)
    {
        Prefill = await new CalcPrefillHandler(db).HandleAsync(Rule.Id, CurrentUser!.Scope ?? "", year, Plan, ct);
        foreach (var (k, v) in Prefill.Inputs)
        {
            Values[k] = v;
        }
    }

    private void ReadForm()
    {
        foreach (var (key, value) in Request.Form)
        {
            if (key.StartsWith(InputPrefix, StringComparison.Ordinal) && Rule.Input(key[InputPrefix.Length..]) is not null)
            {
                Values[key[InputPrefix.Length..]] = value.ToString();
            }
            else if (key.StartsWith(CalcFormCheck.SetPrefix, StringComparison.Ordinal) && Rule.Parameters.Contains(key[CalcFormCheck.SetPrefix.Length..]))
            {
                Sets[key[CalcFormCheck.SetPrefix.Length..]] = value.ToString();
            }
        }
        Date = Request.Form["date"].ToString() is { Length: > 0 } d ? d : null;
    }

    /// <summary>The element id of a field (dots are awkward in CSS selectors).</summary>
    public static string FieldId(string field) => "f-" + field.Replace('.', '-');

    public string ErrorText(string field) => Errors.TryGetValue(field, out var f) ? IsEnglish ? f.MessageEn : f.MessageZh : "";

    public string Value(string name) => Values.TryGetValue(name, out var v) ? v : "";

    /// <summary>A parameter's description in the page's language, else its name.</summary>
    public string ParameterLabel(string name) =>
        Plan.Parameters.TryGetValue(name, out var p) ? (IsEnglish ? p.DescriptionEn : p.DescriptionZh) ?? name : name;

    /// <summary>The plan's value of a parameter today, for the what-if field's hint.</summary>
    public string PlanValueText(string name) =>
        Plan.Parameters.TryGetValue(name, out var p) && p.At(calc.Today()) is { } v
            ? ParameterText(name, v.Value) + (v.Value is JsonValue ? "" : T["Calc.JsonHint"] + v.Value.ToJsonString())
            : Format.Missing;

    /// <summary>A parameter value in its unit: yuan with thousands separators, ratios as percent, tables as written.</summary>
    public string ParameterText(string name, JsonNode value)
    {
        var unit = Plan.Parameters.TryGetValue(name, out var p) ? p.Unit : null;
        if (value is JsonValue v && v.TryGetValue<decimal>(out var d))
        {
            return unit switch
            {
                "yuan" => Fmt.Yuan(d),
                "ratio" => RuleFormat.Percent(d),
                _ => RuleFormat.Number(d),
            };
        }
        // A table of tiers reads as "≥ 1%: 2%"; other tables and lists as their entries.
        return value switch
        {
            JsonArray rows when rows.All(r => r is JsonObject o && o.Count == 2 && o["min"] is JsonValue && o["rate"] is JsonValue) =>
                string.Join("; ", rows.Select(r => $"≥ {RuleFormat.Percent(ParameterValue.ToDecimal(r!["min"]))}: {RuleFormat.Percent(ParameterValue.ToDecimal(r!["rate"]))}")),
            JsonArray items when items.All(i => i is JsonValue) => string.Join(", ", items.Select(i => i!.ToString())),
            _ => value.ToJsonString(),
        };
    }

    /// <summary>A difference with its sign: +1,000.00 元, −300,000.00 元.</summary>
    public string Signed(decimal d) => (d > 0 ? "+" : d < 0 ? "−" : "") + Fmt.Yuan(Math.Abs(d));

    public string Step(RuleStep s) => IsEnglish ? s.TextEn : s.TextZh;
}
