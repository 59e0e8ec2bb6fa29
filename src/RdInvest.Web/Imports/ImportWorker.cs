using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Importing;

namespace RdInvest.Web.Imports;

/// <summary>
/// Runs the queued imports one at a time with the library's <see cref="ImportFileHandler"/> (the handler the API and
/// the CLI call), each in its own service scope, so the page's request returns at once and polls the job's state.
/// Sweeps expired uploads every few minutes.
/// </summary>
public sealed partial class ImportWorker(ImportJobs jobs, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweep = SweepAsync(stoppingToken);
        try
        {
            await foreach (var job in jobs.Queue.ReadAllAsync(stoppingToken))
            {
                await RunAsync(job, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        await sweep;
    }

    private async Task RunAsync(ImportJob job, CancellationToken ct)
    {
        job.State = ImportJobState.Running;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RdInvestDb>();
            job.Result = await new ImportFileHandler(db, clock).HandleAsync(
                new ImportRequest(job.Kind, job.Path, DryRun: job.DryRun, User: job.Owner, Scope: job.Scope, Park: job.Park) { Progress = job, Institution = job.Institution }, ct);
            job.State = ImportJobState.Done;
        }
        catch (UserError e)
        {
            job.ErrorZh = e.MessageZh;
            job.ErrorEn = e.MessageEn;
            job.State = ImportJobState.Failed;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogFailed(log, e, job.Id, job.Kind);
            job.ErrorZh = "导入失败，服务器已记录错误；请稍后再试或联系管理员";
            job.ErrorEn = "the import failed; the error has been logged; try again later or ask the administrator";
            job.State = ImportJobState.Failed;
        }
        finally
        {
            if (!job.DryRun)
            {
                jobs.DeleteUpload(job.UploadId);
            }
        }
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5), clock);
        try
        {
            do
            {
                try
                {
                    jobs.Sweep();
                }
                catch (IOException e)
                {
                    LogSweep(log, e);
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "import job {Id} ({Kind}) failed")]
    private static partial void LogFailed(ILogger logger, Exception e, string id, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "sweeping expired uploads failed")]
    private static partial void LogSweep(ILogger logger, Exception e);
}
