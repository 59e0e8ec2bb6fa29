using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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
/// <param name="Scope">Divisions the caller may import into (a county or city officer's, from ScopeService); null is
/// everywhere (region roles, the CLI). A row outside it is an <c>outside-scope</c> error, so the file is rejected whole.</param>
/// <param name="Park">The one park a park administrator's import is confined to; null is no park limit. A row of another
/// park is an <c>outside-park</c> error.</param>
public sealed record ImportRequest(
    string Kind, string Path, MoneyUnit Unit = MoneyUnit.TenThousandYuan, string? Encoding = null, string? Sheet = null,
    bool DryRun = false, bool IgnoreUnknown = false, string? User = null, IReadOnlySet<string>? Scope = null, string? Park = null)
{
    /// <summary>The institution a financial institution's import is confined to (ScopeService.ImportInstitution); null is no
    /// limit. A loan of another lender, or an event of another sponsor, is an <c>outside-institution</c> error.</summary>
    public string? Institution { get; init; }

    /// <summary>Told the number of rows read so far (header included), every <see cref="ImportProgress.Every"/> rows and at
    /// the end, so a host can show how far a big file has come.</summary>
    public IProgress<ImportProgress>? Progress { get; init; }
}

public sealed record ImportResult(
    string Kind, string File, string Sha256, int Rows, long Inserted, long Updated, long Unchanged,
    int Warnings, int Errors, bool DryRun, bool Written, IReadOnlyList<ImportFinding> Findings)
{
    public long Changed => Inserted + Updated;
    public bool Accepted => Errors == 0;
    /// <summary>The data rows by league/city and year, as stored in the import log.</summary>
    public IReadOnlyList<ImportAttribution> Attribution { get; init; } = [];
    /// <summary>The import log entry (import_runs); null for a dry run.</summary>
    public long? RunId { get; init; }
}

/// <summary>
/// Imports one file of one kind: parse → validate every row (all findings at once) → stage with the
/// provider's bulk path → merge in one transaction → read back. A file imports whole or not at all: any error,
/// <c>--dry-run</c>, a crash or a kill leaves the database as it was. Re-importing the same file changes no data.
/// Every import but a dry run is logged (import_runs, with its rows by league/city and year, for reporting quality):
/// an accepted one inside its transaction, a rejected or unchanged one in its own transaction after the rollback,
/// with an audit entry (<c>import.rejected</c> / <c>import.unchanged</c>) carrying the file hash and counts.
/// Records of kinds that follow the approval workflow (rd) take their county-year's status; a final county-year
/// refuses the row.
/// </summary>
public sealed class ImportFileHandler(RdInvestDb db, TimeProvider time)
{
    private const string Stage = "rdinvest_import_stage";

    public async Task<ImportResult> HandleAsync(ImportRequest request, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var kind = ImportKinds.Get(request.Kind);
        if (!File.Exists(request.Path))
        {
            throw new UserError($"文件不存在：{request.Path}", $"file not found: {request.Path}");
        }
        var fileName = System.IO.Path.GetFileName(request.Path);
        // The file's hash is computed on another thread while the rows are read and stored.
        var hashing = Task.Run(() => Hash(request.Path), ct);
        var now = time.GetUtcNow().UtcDateTime;
        var options = new ImportOptions(request.Unit, request.IgnoreUnknown, now.Year + 1, request.Scope) { Park = request.Park, Institution = request.Institution };
        var actor = string.IsNullOrWhiteSpace(request.User) ? Environment.UserName : request.User;

        // One transaction, owned by EF: the bulk stage and the set-based merge run on its connection and transaction, and
        // the EF writes (the import run, the audit seal) join it without switching.
        await using var unitOfWork = await db.Database.BeginTransactionAsync(ct);
        await ImportLock.AcquireAsync(db, ct);
        var connection = db.Database.GetDbConnection();
        var transaction = unitOfWork.GetDbTransaction();
        var refs = await DbImportReferences.LoadAsync(db, connection, transaction, kind, ct,
            unitsForScope: (request.Scope is not null || request.Park is not null) && kind == ImportKinds.Units);
        var validator = new ImportValidator(kind, options, refs, fileName);
        var loader = IBulkLoader.For(connection, transaction);
        var table = KindTable.For(db, kind.Entity);

        try
        {
            using var rows = validator.Validate(ImportProgress.Count(TableReader.Read(request.Path, request.Encoding, request.Sheet), request.Progress)).GetEnumerator();
            var any = rows.MoveNext();
            if (validator.StageColumns.Count > 0)
            {
                var columns = validator.StageColumns.Select(c => table.Column(c.Property)).ToList();
                await loader.CreateStageAsync(Stage, table.Table, columns, ct);
                await StagePipeline.RunAsync(Remaining(rows, any), (batches, token) => loader.LoadAsync(Stage, columns, batches, token), ct);
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
        var sha = await hashing;
        request.Progress?.Report(new ImportProgress(validator.DataRows, ImportStages.Writing));
        PausePoints.Reach(PausePoints.ImportStaged);

        var run = new ImportRun
        {
            Kind = kind.Name, File = fileName.Length > 260 ? fileName[..260] : fileName, Sha256 = sha, Actor = actor, At = now,
            Accepted = validator.Errors == 0, Rows = validator.DataRows, Errors = validator.Errors, Warnings = validator.Warnings,
        };
        var attribution = validator.Attribution;
        if (validator.Errors > 0)
        {
            await unitOfWork.RollbackAsync(ct);
            var rejected = request.DryRun ? (long?)null : await LogSeparatelyAsync(run, attribution, "import.rejected", table.Table, ct);
            return new ImportResult(kind.Name, fileName, sha, validator.DataRows, 0, 0, 0,
                validator.Warnings, validator.Errors, request.DryRun, false, validator.Findings)
            { Attribution = attribution, RunId = rejected };
        }

        if (validator.StageColumns.Count > 0)
        {
            await loader.PrepareStageAsync(Stage, ct);
        }
        var who = new ImportProvenance(actor, now, fileName, sha);
        var touched = await Analytics.AnalyticsImportTouch.FromStageAsync(db, kind, validator.StageColumns, Stage, ct);
        var merge = new ImportMerge(connection, transaction, loader, table, KindTable.For(db, typeof(AuditEntry)));
        var counts = await merge.RunAsync(kind, validator.StageColumns, Stage, who, ct,
            kind.FollowsApproval ? Approval.ApprovalPolicy.StagedRecordStatusSql(db) : null);
        PausePoints.Reach(PausePoints.ImportRowsMerged);
        var written = !request.DryRun && counts.Inserted + counts.Updated > 0;
        long? runId = null;
        if (written)
        {
            await Analytics.AnalyticsRefresh.AfterWriteAsync(db,
                touched.Union(await Analytics.AnalyticsImportTouch.FromStageAsync(db, kind, validator.StageColumns, Stage, ct)), ct);
            runId = await AddRunAsync(run, attribution, ct);
            var summary = JsonSerializer.Serialize(new
            {
                kind = kind.Name,
                unit = Money.UnitLabel(request.Unit),
                rows = validator.DataRows,
                inserted = counts.Inserted,
                updated = counts.Updated,
                unchanged = counts.Unchanged,
                warnings = validator.Warnings,
                run = runId,
            });
            await merge.AuditImportAsync(kind, who, summary, ct);
            await Auditing.AuditChain.SealAsync(db, ct);
            PausePoints.Reach(PausePoints.ImportMerged);
            await unitOfWork.CommitAsync(ct);
        }
        else
        {
            await unitOfWork.RollbackAsync(ct);
            if (!request.DryRun)
            {
                runId = await LogSeparatelyAsync(run, attribution, "import.unchanged", table.Table, ct);
            }
        }
        RdMetrics.ImportFinished(kind.Name, validator.DataRows, time.GetElapsedTime(started), written);
        return new ImportResult(kind.Name, fileName, sha, validator.DataRows, counts.Inserted, counts.Updated, counts.Unchanged,
            validator.Warnings, 0, request.DryRun, written, validator.Findings)
        { Attribution = attribution, RunId = runId };
    }

    private async Task<long> AddRunAsync(ImportRun run, IReadOnlyList<ImportAttribution> attribution, CancellationToken ct)
    {
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        db.ImportRunDivisions.AddRange(attribution.Select(a => new ImportRunDivision
        {
            RunId = run.Id, LeagueCityCode = a.LeagueCity, Year = a.Year, Rows = a.Rows, ErrorRows = a.ErrorRows, WarningRows = a.WarningRows,
        }));
        await db.SaveChangesAsync(ct);
        return run.Id;
    }

    /// <summary>
    /// Logs a run that wrote no data (rejected, or accepted with nothing to change) in its own transaction, after the
    /// import's rollback: the run, its counts and an audit entry with the file hash, sealed into the chain.
    /// </summary>
    private async Task<long> LogSeparatelyAsync(ImportRun run, IReadOnlyList<ImportAttribution> attribution, string action, string entity, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var id = await AddRunAsync(run, attribution, ct);
        Auditing.AuditLog.Append(db, new Auditing.Actor(run.Actor), action, entity, run.File, null,
            new { kind = run.Kind, run = id, rows = run.Rows, errors = run.Errors, warnings = run.Warnings }, run.At, run.File, run.Sha256);
        await Auditing.AuditChain.SealAsync(db, ct);
        await tx.CommitAsync(ct);
        return id;
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

    private static string Hash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
