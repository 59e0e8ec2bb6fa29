using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;
using Sylvan.Data.Csv;

namespace RdInvest.Importing;

/// <param name="Kind">units, rd, division-figures, parks, park-figures, certifications or projects.</param>
/// <param name="Path">CSV or XLSX file.</param>
/// <param name="Unit">Money unit of the file.</param>
/// <param name="Encoding">CSV encoding; null detects UTF-8 (with or without BOM) or GB18030.</param>
/// <param name="Sheet">XLSX sheet; null is the first.</param>
/// <param name="DryRun">Validate and count, write nothing.</param>
/// <param name="IgnoreUnknown">Skip unknown columns instead of rejecting the file.</param>
/// <param name="User">Actor for the audit log; null is the OS user.</param>
public sealed record ImportRequest(
    string Kind, string Path, MoneyUnit Unit = MoneyUnit.TenThousandYuan, string? Encoding = null, string? Sheet = null,
    bool DryRun = false, bool IgnoreUnknown = false, string? User = null);

public sealed record ImportResult(
    string Kind, string File, string Sha256, int Rows, long Inserted, long Updated, long Unchanged,
    int Warnings, int Errors, bool DryRun, bool Written, IReadOnlyList<ImportFinding> Findings)
{
    public long Changed => Inserted + Updated;
    public bool Accepted => Errors == 0;
}

/// <summary>
/// Imports one file of one kind (SPEC §4): parse → validate every row (all findings at once) → stage with the
/// provider's bulk path → merge in one transaction → read back. A file imports whole or not at all: any error,
/// <c>--dry-run</c>, a crash or a kill leaves the database as it was. Re-importing the same file changes nothing.
/// </summary>
public sealed class ImportFileHandler(RdInvestDb db, TimeProvider time)
{
    private const string Stage = "rdinvest_import_stage";

    public async Task<ImportResult> HandleAsync(ImportRequest request, CancellationToken ct)
    {
        var kind = ImportKinds.Get(request.Kind);
        if (!File.Exists(request.Path))
        {
            throw new UserError($"文件不存在：{request.Path}", $"file not found: {request.Path}");
        }
        var fileName = System.IO.Path.GetFileName(request.Path);
        var sha = await HashAsync(request.Path, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var options = new ImportOptions(request.Unit, request.IgnoreUnknown, now.Year + 1);

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var refs = await DbImportReferences.LoadAsync(db, connection, transaction, kind, ct);
        var validator = new ImportValidator(kind, options, refs, fileName);
        var loader = IBulkLoader.For(connection, transaction);
        var table = KindTable.For(db, kind.Entity);

        try
        {
            using var rows = validator.Validate(TableReader.Read(request.Path, request.Encoding, request.Sheet)).GetEnumerator();
            var any = rows.MoveNext();
            if (validator.StageColumns.Count > 0)
            {
                var columns = validator.StageColumns.Select(c => table.Column(c.Property)).ToList();
                await loader.CreateStageAsync(Stage, table.Table, columns, ct);
                await loader.LoadAsync(Stage, columns, Remaining(rows, any), ct);
            }
            else
            {
                while (rows.MoveNext())
                {
                    // Drain so every finding is reported.
                }
            }
        }
        catch (CsvFormatException e)
        {
            throw new UserError($"CSV 格式错误（第 {e.RowNumber} 行）：{e.Message}", $"malformed CSV (row {e.RowNumber}): {e.Message}");
        }
        validator.Finish();

        if (validator.Errors > 0)
        {
            await transaction.RollbackAsync(ct);
            return new ImportResult(kind.Name, fileName, sha, validator.DataRows, 0, 0, 0,
                validator.Warnings, validator.Errors, request.DryRun, false, validator.Findings);
        }

        var who = new ImportProvenance(
            string.IsNullOrWhiteSpace(request.User) ? Environment.UserName : request.User, now, fileName, sha);
        var merge = new ImportMerge(connection, transaction, loader, table, KindTable.For(db, typeof(AuditEntry)));
        var counts = await merge.RunAsync(kind, validator.StageColumns, Stage, who, ct);
        var written = !request.DryRun && counts.Inserted + counts.Updated > 0;
        if (written)
        {
            var summary = JsonSerializer.Serialize(new
            {
                kind = kind.Name,
                unit = Money.UnitLabel(request.Unit),
                rows = validator.DataRows,
                inserted = counts.Inserted,
                updated = counts.Updated,
                unchanged = counts.Unchanged,
                warnings = validator.Warnings,
            });
            await merge.AuditImportAsync(kind, who, summary, ct);
            await Auditing.AuditChain.SealAsync(db, transaction, ct);
            await transaction.CommitAsync(ct);
        }
        else
        {
            await transaction.RollbackAsync(ct);
        }
        return new ImportResult(kind.Name, fileName, sha, validator.DataRows, counts.Inserted, counts.Updated, counts.Unchanged,
            validator.Warnings, 0, request.DryRun, written, validator.Findings);
    }

    private static IEnumerable<object?[]> Remaining(IEnumerator<object?[]> rows, bool first)
    {
        if (!first)
        {
            yield break;
        }
        yield return rows.Current;
        while (rows.MoveNext())
        {
            yield return rows.Current;
        }
    }

    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}
