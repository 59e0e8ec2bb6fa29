using System.Threading.Channels;

namespace RdInvest.Importing;

/// <summary>
/// Parsing and validation on one thread, the bulk load on another: the validated rows go through a bounded channel in
/// batches, so the database stores one batch while the next is parsed, and memory holds at most
/// <see cref="Capacity"/> batches whatever the file's size. An exception on either side stops both and is rethrown
/// (the producer's first: a malformed file is the cause, the load's failure only its consequence).
/// </summary>
internal static class StagePipeline
{
    public const int BatchRows = 10_000;
    public const int Capacity = 4;

    /// <summary>Feeds <paramref name="rows"/> (the rest of the validated rows, run on a worker thread) to
    /// <paramref name="load"/>; returns the number of rows the load stored.</summary>
    public static async Task<long> RunAsync(IEnumerable<object?[]> rows,
        Func<IAsyncEnumerable<IReadOnlyList<object?[]>>, CancellationToken, Task<long>> load, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<IReadOnlyList<object?[]>>(new BoundedChannelOptions(Capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(() => ProduceAsync(rows, channel.Writer, stop.Token), stop.Token);
        long stored;
        try
        {
            stored = await load(channel.Reader.ReadAllAsync(stop.Token), stop.Token);
        }
        catch (Exception)
        {
            await stop.CancelAsync();
            try
            {
                await producer;
            }
            catch (OperationCanceledException)
            {
                // Stopped because the load failed: the load's exception is the one to report.
            }
            throw;
        }
        await producer;
        return stored;
    }

    private static async Task ProduceAsync(IEnumerable<object?[]> rows, ChannelWriter<IReadOnlyList<object?[]>> writer, CancellationToken ct)
    {
        try
        {
            var batch = new List<object?[]>(BatchRows);
            foreach (var row in rows)
            {
                batch.Add(row);
                if (batch.Count == BatchRows)
                {
                    await writer.WriteAsync(batch, ct);
                    batch = new List<object?[]>(BatchRows);
                }
            }
            if (batch.Count > 0)
            {
                await writer.WriteAsync(batch, ct);
            }
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
            throw;
        }
    }
}
