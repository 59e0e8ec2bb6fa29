using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
using RdInvest.Data;

namespace RdInvest.Web.Imports;

/// <summary>
/// The web host's imports in the background: an upload is kept under the data folder (<c>uploads</c> setting, else
/// <c>rdinvest-uploads</c> beside the SQLite file or in the current folder) in a folder named by an opaque id, so a
/// commit reads the same file without a re-upload; the jobs queue on a channel that <see cref="ImportWorker"/> reads.
/// An upload is deleted after its commit, or after <see cref="Keep"/> without one. Jobs live in memory: a restart forgets
/// them (and the sweep deletes their files).
/// </summary>
public sealed class ImportJobs(string folder, TimeProvider clock)
{
    public static readonly TimeSpan Keep = TimeSpan.FromHours(2);

    private readonly ConcurrentDictionary<string, ImportJob> _jobs = new(StringComparer.Ordinal);
    private readonly Channel<ImportJob> _queue = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    public string Folder => folder;

    public ChannelReader<ImportJob> Queue => _queue.Reader;

    /// <summary>The uploads folder for the host: the <c>uploads</c> setting, else beside the SQLite file, else the current folder.</summary>
    public static string FolderFor(string? setting, DbTarget target)
    {
        if (!string.IsNullOrWhiteSpace(setting))
        {
            return Path.GetFullPath(setting);
        }
        if (target.Provider == DbProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:")
            {
                return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", "rdinvest-uploads");
            }
        }
        return Path.GetFullPath("rdinvest-uploads");
    }

    /// <summary>Keeps the upload and queues its dry run.</summary>
    public async Task<ImportJob> UploadAsync(string kind, IFormFile file, string owner, IReadOnlySet<string>? scope, string? park, CancellationToken ct, string? institution = null)
    {
        var id = NewId();
        var dir = Directory.CreateDirectory(Path.Combine(folder, id));
        var name = SafeName(file.FileName);
        var path = Path.Combine(dir.FullName, name);
        await using (var f = File.Create(path))
        {
            await file.CopyToAsync(f, ct);
        }
        return Enqueue(new ImportJob
        {
            Id = id, UploadId = id, Kind = kind, FileName = name, Path = path, Owner = owner, Scope = scope, Park = park, Institution = institution, DryRun = true,
            Created = clock.GetUtcNow().UtcDateTime,
        });
    }

    /// <summary>Queues the commit of an accepted dry run's upload (once: a second call returns the first commit).</summary>
    public ImportJob Commit(ImportJob dryRun)
    {
        lock (dryRun)
        {
            if (dryRun.CommitId is { } existing && _jobs.TryGetValue(existing, out var started))
            {
                return started;
            }
            var job = Enqueue(new ImportJob
            {
                Id = NewId(), UploadId = dryRun.UploadId, Kind = dryRun.Kind, FileName = dryRun.FileName, Path = dryRun.Path, Owner = dryRun.Owner,
                Scope = dryRun.Scope, Park = dryRun.Park, Institution = dryRun.Institution, DryRun = false, Created = clock.GetUtcNow().UtcDateTime,
            });
            dryRun.CommitId = job.Id;
            return job;
        }
    }

    /// <summary>The owner's job, or null (unknown, expired or someone else's).</summary>
    public ImportJob? Find(string? id, string owner) =>
        id is not null && _jobs.TryGetValue(id, out var job) && job.Owner == owner ? job : null;

    /// <summary>Whether the upload's file is still kept (not committed, not expired).</summary>
    public static bool IsKept(ImportJob job) => File.Exists(job.Path);

    public void DeleteUpload(string uploadId)
    {
        var dir = Path.Combine(folder, uploadId);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Forgets finished jobs older than <see cref="Keep"/> and deletes uploads older than that (also a past run's).</summary>
    public void Sweep()
    {
        var limit = clock.GetUtcNow().UtcDateTime - Keep;
        foreach (var job in _jobs.Values.Where(j => j.Finished && j.Created < limit))
        {
            _jobs.TryRemove(job.Id, out _);
        }
        if (!Directory.Exists(folder))
        {
            return;
        }
        var busy = _jobs.Values.Where(j => !j.Finished).Select(j => j.UploadId).ToHashSet(StringComparer.Ordinal);
        foreach (var dir in new DirectoryInfo(folder).EnumerateDirectories())
        {
            if (!busy.Contains(dir.Name) && dir.CreationTimeUtc < limit)
            {
                dir.Delete(recursive: true);
            }
        }
    }

    private ImportJob Enqueue(ImportJob job)
    {
        _jobs[job.Id] = job;
        if (!_queue.Writer.TryWrite(job))
        {
            throw new InvalidOperationException("the import queue is closed");
        }
        return job;
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// The uploaded name without any folder (/ or \), control or invalid character, never "." or "..", at most 200
    /// characters: a file written under it stays in its upload folder (the API's imports use it too).
    /// </summary>
    public static string SafeName(string? name)
    {
        var n = Path.GetFileName((name ?? "").Replace('\\', '/'));
        foreach (var c in Path.GetInvalidFileNameChars().Concat(Enumerable.Range(0, 32).Select(i => (char)i)))
        {
            n = n.Replace(c, '_');
        }
        n = n.Trim();
        var ext = Path.GetExtension(n);
        return n.Length is 0 or > 200 || n.Trim('.').Length == 0 ? "upload" + (ext.Length is > 1 and <= 10 ? ext : "") : n;
    }
}
