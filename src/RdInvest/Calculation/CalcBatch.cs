using System.Globalization;
using System.Text.Json.Nodes;
using RdInvest.Plans;
using RdInvest.Policy;

namespace RdInvest.Calculation;

/// <summary>A batch's options besides the file: date (YYYY-MM-DD), plan id and what-if parameters as <c>name=value</c>.</summary>
public sealed record CalcBatchRequest(string? Date = null, string? Plan = null, IReadOnlyList<string>? Set = null);

/// <summary>
/// How much one batch may be: rows per request and bytes of the JSON answer. The web limits keep one request from
/// occupying the server or its clients: every case answers with its explanation (about 1 KB for a voucher), so the
/// answer is capped too (64 MB, about 60,000 such cases). The CLI writes files and has no limits.
/// </summary>
public sealed record BatchLimits(int MaxRows, long MaxJsonBytes)
{
    public static BatchLimits None { get; } = new(int.MaxValue, long.MaxValue);

    public static BatchLimits Web { get; } = new(100_000, 64L * 1024 * 1024);
}

/// <summary>
/// A checked batch: its totals and rejected rows (<see cref="Summary"/>, without cases), and the cases themselves,
/// computed again from the input when written — so the answer streams and memory stays flat whatever the size.
/// </summary>
public sealed class CalcBatch
{
    private readonly IEnumerable<BatchRow> _rows;
    private readonly Plan _plan;
    private readonly DateOnly? _date;
    private readonly DateOnly _today;

    private CalcBatch(BatchRun summary, IEnumerable<BatchRow> rows, Plan plan, DateOnly? date, DateOnly today)
    {
        Summary = summary;
        _rows = rows;
        _plan = plan;
        _date = date;
        _today = today;
    }

    public BatchRun Summary { get; }

    /// <summary>The cases' cell columns (date apart) and output columns in the order first seen, for a streamed CSV.</summary>
    public IReadOnlyList<string> CellColumns { get; private init; } = [];

    public IReadOnlyList<string> OutputColumns { get; private init; } = [];

    /// <summary>Writes the CSV file as the cases are computed (see <see cref="RuleBatchFiles.WriteCsvStreaming"/>).</summary>
    public void WriteCsv(string path) => RuleBatchFiles.WriteCsvStreaming(path, Summary, Cases(), CellColumns, OutputColumns);

    /// <summary>Like an import: a batch with a rejected row is not a result.</summary>
    public bool Accepted => Summary.Errors.Count == 0;

    internal static CalcBatch Check(RuleDefinition rule, IEnumerable<BatchRow> rows, Plan plan, DateOnly? date, DateOnly today,
        IReadOnlyDictionary<string, JsonNode>? overrides, BatchLimits limits, CancellationToken ct)
    {
        // Rows are counted before any is computed (reading is cheap, computing and explaining is not).
        if (limits.MaxRows != int.MaxValue && rows.Take(limits.MaxRows + 1).Count() > limits.MaxRows)
        {
            throw new BatchTooLargeError(
                $"批量文件超过 {N(limits.MaxRows)} 行的上限；请拆分为多个文件，或用命令行 rdinvest calc --batch",
                $"the batch has more than {N(limits.MaxRows)} rows, the limit per request; split the file, or use rdinvest calc --batch");
        }
        var errors = new List<BatchRowError>();
        decimal total = 0m, whatIfTotal = 0m;
        var count = 0;
        long bytes = 0;
        var cellColumns = new List<string>();
        var outputColumns = new List<string>();
        var cells = new HashSet<string>(StringComparer.Ordinal);
        var outputs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (c, e) in RuleBatch.Evaluate(rule, rows, plan, date, today, overrides))
        {
            ct.ThrowIfCancellationRequested();
            if (c is null)
            {
                errors.Add(e!);
                continue;
            }
            count++;
            AddNew(cells, c.Cells.Select(kv => kv.Key).Where(k => k != RuleBatch.DateColumn), cellColumns);
            AddNew(outputs, c.Result.Outputs.Keys, outputColumns);
            total += c.Result.Amount;
            whatIfTotal += c.WhatIf?.Amount ?? 0m;
            if (limits.MaxJsonBytes != long.MaxValue && (bytes += RuleBatchJson.Size(c)) > limits.MaxJsonBytes)
            {
                throw new BatchTooLargeError(
                    $"结果超过 {N(limits.MaxJsonBytes / (1024 * 1024))} MB 的上限（每个案例都附计算解释）；请拆分文件，或用命令行 rdinvest calc --batch 写出 XLSX/CSV",
                    $"the answer exceeds the limit of {N(limits.MaxJsonBytes / (1024 * 1024))} MB (every case carries its explanation); split the file, or use rdinvest calc --batch for XLSX/CSV");
            }
        }
        var summary = new BatchRun(rule, [], errors, total, overrides is null ? null : whatIfTotal, overrides) { CaseCount = count };
        return new CalcBatch(summary, rows, plan, date, today) { CellColumns = cellColumns, OutputColumns = outputColumns };
    }

    /// <summary>The accepted cases, computed again from the input, one at a time.</summary>
    public IEnumerable<BatchCase> Cases() =>
        RuleBatch.Evaluate(Summary.Rule, _rows, _plan, _date, _today, Summary.Overrides).Where(x => x.Case is not null).Select(x => x.Case!);

    /// <summary>Writes the batch's JSON as the cases are computed.</summary>
    public Task WriteJsonAsync(Stream output, bool indented, CancellationToken ct) =>
        RuleBatchJson.WriteAsync(output, Summary, Cases(), indented, ct);

    /// <summary>The whole run with its cases, for the XLSX file of the CLI (a workbook is written whole).</summary>
    public BatchRun Run() => Summary with { Cases = Cases().ToList(), CaseCount = Summary.CaseCount };

    /// <summary>Adds the names not seen yet to <paramref name="order"/>, in the order first seen.</summary>
    private static void AddNew(HashSet<string> seen, IEnumerable<string> names, List<string> order)
    {
        foreach (var n in names)
        {
            if (seen.Add(n))
            {
                order.Add(n);
            }
        }
    }

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
}
