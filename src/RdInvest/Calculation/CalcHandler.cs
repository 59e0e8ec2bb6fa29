using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Payments;
using RdInvest.Plans;
using RdInvest.Policy;

namespace RdInvest.Calculation;

/// <summary>
/// One case of a rule, as a form or a request body gives it: inputs by name (text, as typed), an optional date
/// (YYYY-MM-DD; else the rule's own date, else today), plan id (else the default plan) and what-if parameters.
/// </summary>
public sealed record CalcRequest(
    Dictionary<string, string>? Inputs = null,
    string? Date = null,
    string? Plan = null,
    Dictionary<string, string>? Set = null);

/// <summary>The rule's result under the plan, under the what-if parameters when given, and the difference.</summary>
public sealed record CalcResult(RuleResult Plan, RuleResult? Whatif, decimal? Difference)
{
    [JsonIgnore]
    public RuleDefinition Rule { get; init; } = null!;
}

/// <summary>One input of a rule as a generated form shows it.</summary>
public sealed record CalcFormInput(string Name, InputType Type, bool Required, string HelpZh, string HelpEn, string? Default,
    IReadOnlyList<string>? Choices);

/// <summary>What a form needs to ask for one case of a rule: its identity and declared inputs.</summary>
public sealed record CalcForm(string Rule, string Slug, string Clause, string TitleZh, string TitleEn, IReadOnlyList<CalcFormInput> Inputs,
    IReadOnlyList<string> Parameters);

/// <summary>
/// The incentive calculation (rules as code): one case or a batch, with what-if parameters, for every host — the
/// CLI's <c>calc</c>, the API's <c>/rules</c> and the pages. It owns the whole use case: finding the rule and the plan,
/// the date (today from the injected clock, in its local time zone, for rules without a date of their own), parsing
/// and bounding inputs and what-if values, and the difference.
/// </summary>
public sealed class CalcHandler(PlanResolver plans, TimeProvider clock, RdInvestDb? db = null)
{
    /// <summary>The rule and its declared inputs (name, type, required, help in Chinese and English) for a form.</summary>
    public static CalcForm Form(string rule)
    {
        var r = RuleRegistry.Find(rule);
        return new CalcForm(r.Id, r.Slug, r.Clause, r.TitleZh, r.TitleEn,
            r.Inputs.Select(i => new CalcFormInput(i.Name, i.Type, i.Required, i.MeaningZh, i.MeaningEn, i.Default, i.Choices)).ToList(),
            r.Parameters);
    }

    /// <summary>Today in the clock's local time zone: the date of rules that have none of their own (R7–R12).</summary>
    public DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public Task<Plan> PlanAsync(string? id, CancellationToken ct) => plans.ResolveAsync(id, ct);

    /// <summary>
    /// Every field error of one case at once (<see cref="CalcFormCheck"/>), so a form can show each beside its field;
    /// empty when <see cref="HandleAsync"/> will read every input. Cross-input rules are still checked there.
    /// </summary>
    public async Task<IReadOnlyList<ValidationFinding>> CheckAsync(string rule, CalcRequest request, CancellationToken ct) =>
        CalcFormCheck.Findings(RuleRegistry.Find(rule), request, await plans.ResolveAsync(request.Plan, ct));

    /// <summary>
    /// Computes one case. <paramref name="unit"/> (a credit code; the CLI's <c>--unit</c>, for hte-reward and listing-reward) fills
    /// inputs not given from the database; a host that offers it must check the caller may see that unit.
    /// <paramref name="platform"/> and <paramref name="year"/> (the CLI's <c>--platform ID --year Y</c>, for
    /// platform-post-subsidy only) take the platform's level and its latest evaluation up to the year from the records.
    /// </summary>
    public async Task<CalcResult> HandleAsync(string rule, CalcRequest request, CancellationToken ct, string? unit = null,
        string? platform = null, int? year = null)
    {
        var definition = RuleRegistry.Find(rule);
        var plan = await plans.ResolveAsync(request.Plan, ct);
        var date = RuleFormat.ParseDate(request.Date, "date");
        var overrides = Overrides(definition, plan, request.Set?.Select(kv => $"{kv.Key}={kv.Value}"));
        IReadOnlyList<KeyValuePair<string, string>> values = (request.Inputs ?? []).ToList();
        var today = Today();
        if (unit is not null)
        {
            var data = db ?? throw new InvalidOperationException("--unit needs a database");
            values = definition.Id switch
            {
                Policy.Rules.HteReward.Id => await new HteRewardInputsHandler(data).FillAsync(unit, values, plan, ct),
                Policy.Rules.ListingReward.Id => await new StEnterpriseInputsHandler(data).FillAsync(unit, values, date ?? today, ct),
                _ => throw new UserError("--unit 只用于 hte-reward（R1）和 listing-reward（R11）", "--unit goes with hte-reward (R1) and listing-reward (R11) only", exitCode: 2),
            };
        }
        if (platform is not null)
        {
            if (definition.Id != Policy.Rules.PlatformPostSubsidy.Id || year is null)
            {
                throw new UserError("--platform 只用于 platform-post-subsidy，且须同时给出 --year", "--platform goes with platform-post-subsidy and --year", exitCode: 2);
            }
            values = await new Platforms.PlatformSubsidyInputsHandler(db ?? throw new InvalidOperationException("--platform needs a database"))
                .FillAsync(platform, year.Value, values, ct);
        }
        var result = definition.Evaluate(values, plan, date, today);
        var whatIf = overrides is null ? null : definition.Evaluate(values, plan, date, today, overrides);
        return new CalcResult(result, whatIf, whatIf is null ? null : whatIf.Amount - result.Amount) { Rule = definition };
    }

    /// <summary>
    /// Checks a batch (every row computed once, nothing held but the rejected rows and the totals) and returns it ready
    /// to be written. <paramref name="input"/> is a CSV or XLSX (by <paramref name="fileName"/>); it is read again when
    /// the batch is written, so it must stay open until then. Beyond <paramref name="limits"/>: <see cref="BatchTooLargeError"/>.
    /// </summary>
    public async Task<CalcBatch> BatchAsync(string rule, CalcBatchRequest request, Stream input, string fileName, BatchLimits? limits,
        CancellationToken ct)
    {
        var definition = RuleRegistry.Find(rule);
        var plan = await plans.ResolveAsync(request.Plan, ct);
        var date = RuleFormat.ParseDate(request.Date, "date");
        var overrides = Overrides(definition, plan, request.Set);
        if (!input.CanSeek)
        {
            var copy = new MemoryStream();
            await input.CopyToAsync(copy, ct);
            input = copy;
        }
        var (header, rows) = RuleBatchFiles.Read(input, fileName);
        RuleBatch.CheckHeader(definition, header);
        return CalcBatch.Check(definition, rows, plan, date, Today(), overrides, limits ?? BatchLimits.None, ct);
    }

    private static IReadOnlyDictionary<string, JsonNode>? Overrides(RuleDefinition rule, Plan plan, IEnumerable<string>? assignments)
    {
        var overrides = RuleBatch.ParseOverrides(rule, assignments ?? []);
        RuleBounds.CheckOverrides(overrides, plan);
        return overrides;
    }
}
