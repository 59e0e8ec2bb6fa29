using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RdInvest.Accounts;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Importing;
using RdInvest.Web.Imports;
using RdInvest.Web.Pages.Tables;

namespace RdInvest.Web.Pages.Imports;

/// <summary>
/// `/imports`: pick a kind, download its template, upload a CSV or XLSX; the dry run runs in the background
/// (<see cref="ImportJobs"/>, the library's import handler) while the page polls its rows read; then every finding,
/// filterable by severity and exported as XLSX, and "commit" of the same kept upload; afterwards the counts and the
/// import log of the user's scope. Who may import which kind is the API's rule (ScopeService.ImportDivisionsAsync).
/// </summary>
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class IndexModel(RdInvestDb db, ImportJobs jobs, IStringLocalizer<SharedResource> text) : ReadingPageModel(text)
{
    /// <summary>The largest upload of the page (a million-row CSV fits); the API keeps its own limit.</summary>
    public const long MaxUploadBytes = 512L * 1024 * 1024;

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "job")]
    public string? JobId { get; set; }

    [BindProperty(SupportsGet = true, Name = "severity")]
    public string? Severity { get; set; }

    public IReadOnlyList<ImportKind> Kinds { get; private set; } = [];

    public ImportJob? Job { get; private set; }

    /// <summary>The job's state and result as read once for this page.</summary>
    public ImportJobState JobState { get; private set; }

    public ImportResult? Result { get; private set; }

    public TableView? Findings { get; private set; }

    public TableView Runs { get; private set; } = null!;

    public string? KindError { get; private set; }

    public string? FileError { get; private set; }

    public string? Message { get; private set; }

    public override bool ShowSelectors => false;

    protected override string PagePath => JobId is null ? "/imports"
        : "/imports?job=" + Uri.EscapeDataString(JobId) + (Severity is "error" or "warning" ? "&severity=" + Severity : "");

    /// <summary>The findings of the job's first accepted-or-not result that refuses a locked county-year, if any.</summary>
    public ImportFinding? Locked => Result?.Findings.FirstOrDefault(f => f.Rule == ImportRules.CountyYearFinal.Id || f.Rule == ImportRules.UnitMoveFinal.Id);

    public string Say(string? zh, string? en) => (IsEnglish ? en : zh) ?? "";

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        await LoadFrameAsync(db, ct);
        Title = T["Imports.Title"];
        Crumbs.Add(new Crumb(Title));
        var user = CurrentUser!;
        Kinds = user.Role switch
        {
            Roles.RegionAdmin or Roles.RegionAnalyst => ImportKinds.All,
            Roles.ParkAdmin => ImportKinds.All.Where(k => ScopeService.ParkImportKinds.Contains(k.Name)).ToList(),
            Roles.FinanceInstitution => ImportKinds.All.Where(k => ScopeService.InstitutionImportKinds.Contains(k.Name)).ToList(),
            _ => ImportKinds.All.Where(k => ScopeService.OfficerImportKinds.Contains(k.Name)).ToList(),
        };
        if (JobId is not null)
        {
            Job = jobs.Find(JobId, user.Name);
            if (Job is null)
            {
                return NotFound();
            }
            Kind ??= Job.Kind;
            // One reading of the state for the whole page (the worker sets the result before it marks the job done).
            JobState = Job.State;
            if (JobState == ImportJobState.Done && Job.Result is { } result)
            {
                Result = result;
                Findings = FindingsTable(result);
            }
        }
        var runs = await new ImportRunsHandler(db).HandleAsync(user, 20, ct);
        Runs = Table("runs", T["Imports.RunsCaption"],
        [
            new("id", T["Imports.Run"]), new("at", T["Imports.At"]), new("kind", T["Imports.Kind"]), new("file", T["Imports.File"]),
            new("actor", T["Imports.Actor"]), new("result", T["Imports.Outcome"]), new("rows", T["Imports.Rows"], true),
            new("errors", T["Imports.Errors"], true), new("warnings", T["Imports.Warnings"], true),
        ], runs.Select(r => new TableRow(
        [
            new TableCell("#" + r.Id.ToString(Fmt.Culture), (decimal)r.Id), new TableCell(Fmt.Date(r.At) + " " + r.At.ToString("HH:mm", Fmt.Culture), r.At.ToString("s", Fmt.Culture)),
            new TableCell(KindTitle(r.Kind), r.Kind), new TableCell(r.File), new TableCell(r.Actor),
            new TableCell(r.Accepted ? T["Imports.Accepted"] : T["Imports.Rejected"], null, null, null, r.Accepted ? "rd-good" : "rd-bad"),
            Plain(r.Rows, "int"), Plain(r.Errors, "int"), Plain(r.Warnings, "int"),
        ])).ToList());
        return null;
    }

    private TableView FindingsTable(ImportResult result)
    {
        var shown = result.Findings.Where(f => Severity switch
        {
            "error" => f.Severity == Importing.Severity.Error,
            "warning" => f.Severity == Importing.Severity.Warning,
            _ => true,
        });
        return Table("findings", T["Imports.FindingsCaption"],
        [
            new("severity", T["Imports.Severity"]), new("row", T["Imports.Row"], true), new("column", T["Imports.Column"]),
            new("value", T["Imports.Value"]), new("rule", T["Imports.Rule"]), new("message", T["Imports.Message"]),
        ], shown.Select(f => new TableRow(
        [
            new TableCell(f.Severity == Importing.Severity.Error ? T["Imports.Error"] : T["Imports.Warning"], null, null, null,
                f.Severity == Importing.Severity.Error ? "rd-bad" : "rd-warn"),
            new TableCell(f.Row.ToString(Fmt.Culture), f.Row), new TableCell(f.Column ?? Format.Missing, f.Column),
            new TableCell(f.Value ?? "", f.Value), new TableCell(f.Rule), new TableCell(Say(f.MessageZh, f.MessageEn)),
        ])).ToList());
    }

    public string KindTitle(string name) => ImportKinds.All.FirstOrDefault(k => k.Name == name) is { } k ? Say(k.TitleZh, k.TitleEn) : name;

    /// <summary>The job's progress for htmx polling; a finished job refreshes the page, which shows its result.</summary>
    public IActionResult OnGetState()
    {
        Job = jobs.Find(JobId, CurrentUser!.Name);
        if (Job is null)
        {
            return NotFound();
        }
        if (Job.Finished)
        {
            Response.Headers["HX-Refresh"] = "true";
        }
        return Partial("_ImportProgress", this);
    }

    /// <summary>The kind's template (XLSX with Chinese headers and an instructions sheet), for the kinds this user may import.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        ImportKind kind;
        try
        {
            kind = ImportKinds.Get(Kind ?? "");
            await new ScopeService(db, CurrentUser!).ImportDivisionsAsync(kind.Name, ct);
        }
        catch (ForbiddenError)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (UserError)
        {
            return NotFound();
        }
        var dir = Directory.CreateTempSubdirectory("rdinvest-template-");
        try
        {
            var path = Path.Combine(dir.FullName, kind.Name + ".xlsx");
            await new WriteTemplateHandler().HandleAsync(new WriteTemplateRequest(kind.Name, path), ct);
            return File(await System.IO.File.ReadAllBytesAsync(path, ct), XlsxType, kind.Name + ".xlsx");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Keeps the upload and starts its dry run; the page then follows the job. Nothing is written.</summary>
    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        IReadOnlySet<string>? scope = null;
        try
        {
            var kind = ImportKinds.Get(Kind ?? "");
            Kind = kind.Name;
            scope = await new ScopeService(db, CurrentUser!).ImportDivisionsAsync(kind.Name, ct);
        }
        catch (UserError e)
        {
            KindError = string.IsNullOrEmpty(Kind) ? T["Imports.KindRequired"] : Say(e.MessageZh, e.MessageEn);
        }
        var ext = Path.GetExtension(file?.FileName ?? "").ToLowerInvariant();
        if (file is null || file.Length == 0)
        {
            FileError = T["Imports.FileRequired"];
        }
        else if (ext is not (".csv" or ".xlsx"))
        {
            FileError = string.Format(Fmt.Culture, T["Imports.FileType"], ext);
        }
        if (KindError is not null || FileError is not null)
        {
            JobId = null;
            await LoadAsync(ct);
            return Page();
        }
        var scopes = new ScopeService(db, CurrentUser!);
        var job = await jobs.UploadAsync(Kind!, file!, CurrentUser!.Name, scope, scopes.ImportPark(Kind!), ct, scopes.ImportInstitution(Kind!));
        return Redirect("/imports?job=" + job.Id);
    }

    /// <summary>Commits the kept upload of an accepted dry run (the import validates it again, in one transaction).</summary>
    public async Task<IActionResult> OnPostCommitAsync(CancellationToken ct)
    {
        var dryRun = jobs.Find(JobId, CurrentUser!.Name);
        if (dryRun is null)
        {
            return NotFound();
        }
        if (dryRun.CommitId is null && !(dryRun.DryRun && dryRun.Result is { Accepted: true } && ImportJobs.IsKept(dryRun)))
        {
            Message = T["Imports.CannotCommit"];
            await LoadAsync(ct);
            return Page();
        }
        return Redirect("/imports?job=" + jobs.Commit(dryRun).Id);
    }
}
