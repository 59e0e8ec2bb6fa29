using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using RdInvest.Common;

namespace RdInvest.Policy;

/// <summary>
/// The JSON of a batch run (<c>calc --batch … --out F.json</c> and the API), written as the cases are computed so a
/// large batch is never held as one document: rule, slug, cases, total, whatif_total, difference, overrides, then
/// results (row, cells, result, whatif) one by one, then errors.
/// </summary>
public static class RuleBatchJson
{
    private const int FlushBytes = 64 * 1024;

    public static async Task WriteAsync(Stream output, BatchRun run, IEnumerable<BatchCase> cases, bool indented, CancellationToken ct)
    {
        var options = indented ? JsonDefaults.Indented : JsonDefaults.Compact;
        // The serializer flushes its writer synchronously; over a pipe that only hands bytes on, and the pipe writes
        // to the stream asynchronously (a web response refuses synchronous writes).
        var pipe = PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true));
        await using (var w = new Utf8JsonWriter(pipe, new JsonWriterOptions { Encoder = options.Encoder, Indented = indented }))
        {
            w.WriteStartObject();
            w.WriteString("rule", run.Rule.Id);
            w.WriteString("slug", run.Rule.Slug);
            w.WriteNumber("cases", run.CaseCount);
            w.WriteNumber("total", run.Total);
            Write(w, "whatif_total", run.WhatIfTotal, options);
            Write(w, "difference", run.Difference, options);
            Write(w, "overrides", run.Overrides, options);
            w.WriteStartArray("results");
            foreach (var c in cases)
            {
                JsonSerializer.Serialize(w, Case(c), options);
                if (pipe.UnflushedBytes >= FlushBytes)
                {
                    await pipe.FlushAsync(ct);
                }
            }
            w.WriteEndArray();
            Write(w, "errors", run.Errors, options);
            w.WriteEndObject();
            w.Flush();
        }
        await pipe.FlushAsync(ct);
        await pipe.CompleteAsync();
    }

    /// <summary>The bytes one case adds to the compact JSON (to refuse an answer too large before writing any).</summary>
    public static long Size(BatchCase c)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonDefaults.Compact.Encoder }))
        {
            JsonSerializer.Serialize(w, Case(c), JsonDefaults.Compact);
        }
        return buffer.WrittenCount + 1;
    }

    private static void Write<T>(Utf8JsonWriter w, string name, T value, JsonSerializerOptions options)
    {
        w.WritePropertyName(name);
        JsonSerializer.Serialize(w, value, options);
    }

    private static object Case(BatchCase c) => new
    {
        row = c.RowNumber,
        cells = c.Cells.GroupBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal),
        result = c.Result,
        whatif = c.WhatIf,
    };
}
