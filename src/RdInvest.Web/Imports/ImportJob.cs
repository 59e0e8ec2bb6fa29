using RdInvest.Importing;

namespace RdInvest.Web.Imports;

public enum ImportJobState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>
/// One import run in the background for a page: a dry run of an upload or its commit. It is told its progress by the
/// import handler (rows read so far) and keeps the handler's result, or its error in both languages.
/// </summary>
public sealed class ImportJob : IProgress<ImportProgress>
{
    private long _rows;
    private volatile string _stage = ImportStages.Reading;
    private volatile ImportJobState _state = ImportJobState.Queued;

    /// <summary>Opaque id (128 random bits, hex) named in the page's URL.</summary>
    public required string Id { get; init; }

    /// <summary>The upload the job reads (the dry run's id); its folder is deleted after the commit or at expiry.</summary>
    public required string UploadId { get; init; }

    public required string Kind { get; init; }

    /// <summary>The uploaded file's own name (kept: the import log and audit record it with its SHA-256).</summary>
    public required string FileName { get; init; }

    public required string Path { get; init; }

    /// <summary>The signed-in user who uploaded it; nobody else sees the job.</summary>
    public required string Owner { get; init; }

    /// <summary>The divisions the owner may import into (ScopeService.ImportDivisionsAsync); null is everywhere.</summary>
    public IReadOnlySet<string>? Scope { get; init; }

    /// <summary>The one park a park administrator's import is confined to (ScopeService.ImportPark); null is no park limit.</summary>
    public string? Park { get; init; }

    /// <summary>The one institution a financial institution's import is confined to (ScopeService.ImportInstitution); null is no limit.</summary>
    public string? Institution { get; init; }

    public bool DryRun { get; init; }

    public DateTime Created { get; init; }

    public long RowsRead => Interlocked.Read(ref _rows);

    public string Stage => _stage;

    public ImportJobState State
    {
        get => _state;
        set => _state = value;
    }

    public bool Finished => State is ImportJobState.Done or ImportJobState.Failed;

    public ImportResult? Result { get; set; }

    public string? ErrorZh { get; set; }

    public string? ErrorEn { get; set; }

    /// <summary>The commit started from this dry run, once one was.</summary>
    public string? CommitId { get; set; }

    public void Report(ImportProgress value)
    {
        Interlocked.Exchange(ref _rows, value.Rows);
        _stage = value.Stage;
    }
}
