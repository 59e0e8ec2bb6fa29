using System.Text.Json.Nodes;
using RdInvest.Common;
using RdInvest.Plans;

namespace RdInvest.Policy;

/// <summary>One case of a batch: its row number in the file and its cells by header.</summary>
public sealed record BatchRow(int RowNumber, IReadOnlyList<KeyValuePair<string, string>> Cells);

public sealed record BatchCase(int RowNumber, IReadOnlyList<KeyValuePair<string, string>> Cells, RuleResult Result, RuleResult? WhatIf);

public sealed record BatchRowError(int RowNumber, string MessageZh, string MessageEn);

/// <summary>
/// A batch run: every case, the rows rejected, and the cost under the plan's parameters and (with what-if
/// overrides) under the changed ones.
/// </summary>
public sealed record BatchRun(
    RuleDefinition Rule,
    IReadOnlyList<BatchCase> Cases,
    IReadOnlyList<BatchRowError> Errors,
    decimal Total,
    decimal? WhatIfTotal,
    IReadOnlyDictionary<string, JsonNode>? Overrides)
{
    public decimal? Difference => WhatIfTotal - Total;

    /// <summary>The number of cases computed; <see cref="Cases"/> is empty when the run only counted (a streamed batch).</summary>
    public int CaseCount { get; init; } = Cases.Count;
}

/// <summary>Runs one rule over many cases (rdinvest calc RULE --batch). Pure: rows in, results out.</summary>
public static class RuleBatch
{
    /// <summary>Columns that identify a case and are carried through, not inputs.</summary>
    public static readonly IReadOnlyList<string> CarriedColumns = ["case", "id", "credit_code", "name", "comment"];

    public const string DateColumn = "date";

    /// <summary>Rejects a header the rule does not know before any row is read (one error, not one per row).</summary>
    public static void CheckHeader(RuleDefinition rule, IEnumerable<string> header)
    {
        var unknown = header.Where(h => h != DateColumn && !CarriedColumns.Contains(h) && rule.Input(h) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new UserError(
                $"规则 {rule.Slug} 没有输入列 {string.Join("、", unknown)}；可用输入：{string.Join("、", rule.Inputs.Select(i => i.Name))}（另可有 {DateColumn}、{string.Join("、", CarriedColumns)}）",
                $"rule {rule.Slug} has no input column {string.Join(", ", unknown)}; inputs: {string.Join(", ", rule.Inputs.Select(i => i.Name))} (also allowed: {DateColumn}, {string.Join(", ", CarriedColumns)})");
        }
    }

    /// <summary>
    /// The date of a row is its date column, else <paramref name="date"/>, else the rule's own (31 Dec of the
    /// year …), else <paramref name="fallbackDate"/>.
    /// </summary>
    public static BatchRun Run(RuleDefinition rule, IEnumerable<BatchRow> rows, Plan plan, DateOnly? date, DateOnly fallbackDate,
        IReadOnlyDictionary<string, JsonNode>? overrides = null)
    {
        var cases = new List<BatchCase>();
        var errors = new List<BatchRowError>();
        decimal total = 0m, whatIfTotal = 0m;
        foreach (var (c, e) in Evaluate(rule, rows, plan, date, fallbackDate, overrides))
        {
            if (c is not null)
            {
                total += c.Result.Amount;
                whatIfTotal += c.WhatIf?.Amount ?? 0m;
                cases.Add(c);
            }
            else
            {
                errors.Add(e!);
            }
        }
        return new BatchRun(rule, cases, errors, total, overrides is null ? null : whatIfTotal, overrides);
    }

    /// <summary>Each row's case, or its rejection, one at a time (so a large batch can be streamed, not held).</summary>
    public static IEnumerable<(BatchCase? Case, BatchRowError? Error)> Evaluate(RuleDefinition rule, IEnumerable<BatchRow> rows, Plan plan,
        DateOnly? date, DateOnly fallbackDate, IReadOnlyDictionary<string, JsonNode>? overrides = null)
    {
        foreach (var row in rows)
        {
            BatchCase? c = null;
            BatchRowError? error = null;
            try
            {
                c = EvaluateRow(rule, row, plan, date, fallbackDate, overrides);
            }
            catch (UserError e)
            {
                error = new BatchRowError(row.RowNumber, e.MessageZh, e.MessageEn);
            }
            yield return (c, error);
        }
    }

    private static BatchCase EvaluateRow(RuleDefinition rule, BatchRow row, Plan plan, DateOnly? date, DateOnly fallbackDate,
        IReadOnlyDictionary<string, JsonNode>? overrides)
    {
        var inputs = new List<KeyValuePair<string, string>>(row.Cells.Count);
        var rowDate = date;
        foreach (var (k, v) in row.Cells)
        {
            if (k == DateColumn && !string.IsNullOrWhiteSpace(v))
            {
                rowDate = RuleFormat.ParseDate(v, "date 列", "date column");
            }
            else if (k != DateColumn && !CarriedColumns.Contains(k) && !string.IsNullOrWhiteSpace(v))
            {
                inputs.Add(KeyValuePair.Create(k, v));
            }
        }
        var parsed = RuleInputParser.Parse(rule, inputs);
        var on = rowDate ?? rule.DateFor(parsed) ?? fallbackDate;
        var result = rule.Evaluate(parsed, new RuleContext(plan, on));
        var whatIf = overrides is null ? null : rule.Evaluate(parsed, new RuleContext(plan, on, overrides));
        return new BatchCase(row.RowNumber, row.Cells, result, whatIf);
    }

    /// <summary>
    /// Parses <c>--set name=value</c>: numbers and rates (0.0435, 4.35%) become numbers; JSON text ([…], {…}) a list
    /// or table; anything else a string. Only parameters the rule reads may be set.
    /// </summary>
    public static IReadOnlyDictionary<string, JsonNode>? ParseOverrides(RuleDefinition rule, IEnumerable<string> assignments)
    {
        var list = RuleInputParser.SplitAssignments(assignments);
        if (list.Count == 0)
        {
            return null;
        }
        var result = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var (name, text) in list)
        {
            if (!rule.Parameters.Contains(name))
            {
                throw new UserError(
                    $"规则 {rule.Slug} 不使用参数 {name}；可设参数：{string.Join("、", rule.Parameters)}",
                    $"rule {rule.Slug} has no parameter {name}; parameters: {string.Join(", ", rule.Parameters)}",
                    exitCode: 2);
            }
            JsonNode node;
            if (ParameterValue.TryParseNumber(text, out var d))
            {
                node = JsonValue.Create(d);
            }
            else if (text.StartsWith('[') || text.StartsWith('{'))
            {
                try
                {
                    node = JsonNode.Parse(text) ?? throw new UserError($"参数 {name} 的值为空", $"parameter {name}: empty value", exitCode: 2);
                }
                catch (System.Text.Json.JsonException e)
                {
                    throw new UserError($"参数 {name} 的值不是有效的 JSON：{e.Message}", $"parameter {name}: not valid JSON: {e.Message}", exitCode: 2);
                }
            }
            else
            {
                node = JsonValue.Create(text);
            }
            result[name] = node;
        }
        return result;
    }
}
