using System.Diagnostics;
using System.Globalization;
using RdInvest.Importing;

namespace RdInvest.Cli.Commands;

/// <summary>
/// Shows a big import's progress on stderr, on one line rewritten at most twice a second: rows read, rows per second and,
/// for a CSV file, the estimated time left (from the file's size and the length of its first lines). Shown when stderr
/// is an interactive terminal, or always with <c>--progress</c>; never on stdout, so <c>--json</c> output stays clean.
/// </summary>
public sealed class ImportProgressPrinter(long? estimatedRows, long showAfterRows) : IProgress<ImportProgress>
{
    /// <summary>On a terminal, a small file's import ends before a progress line would help.</summary>
    private const long TerminalShowAfterRows = 10_000;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _last;
    private bool _shown;

    public static IProgress<ImportProgress>? ForConsole(string path, bool always) =>
        always ? new ImportProgressPrinter(EstimateRows(path), 0)
        : !Console.IsErrorRedirected ? new ImportProgressPrinter(EstimateRows(path), TerminalShowAfterRows)
        : null;

    public void Report(ImportProgress value)
    {
        var now = _clock.Elapsed;
        if (value.Stage == ImportStages.Reading && value.Rows >= showAfterRows && (!_shown || now - _last >= Interval))
        {
            _last = now;
            _shown = true;
            Console.Error.Write("\r" + Line(value.Rows, now) + "   ");
        }
        else if (value.Stage == ImportStages.Writing && _shown)
        {
            var rate = Rate(value.Rows, now);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"\r已读取 {value.Rows:#,0} 行（{rate:#,0} 行/秒），正在写入 / {value.Rows:#,0} rows read ({rate:#,0} rows/s), writing            "));
        }
    }

    private string Line(long rows, TimeSpan now)
    {
        var rate = Rate(rows, now);
        var left = estimatedRows is { } total && rate > 0 && total > rows
            ? TimeSpan.FromSeconds((total - rows) / rate)
            : (TimeSpan?)null;
        var etaZh = left is { } l ? $"，约剩 {Format(l)}" : "";
        var etaEn = left is { } e ? $", about {Format(e)} left" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"已读取 {rows:#,0} 行，{rate:#,0} 行/秒{etaZh} / {rows:#,0} rows read, {rate:#,0} rows/s{etaEn}");
    }

    private static double Rate(long rows, TimeSpan elapsed) => elapsed.TotalSeconds > 0 ? rows / elapsed.TotalSeconds : 0;

    private static string Format(TimeSpan t) => t.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:D2}:{t.Seconds:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:D2}");

    /// <summary>The lines of a CSV file, estimated from its size and its first MiB; null for a workbook.</summary>
    public static long? EstimateRows(string path)
    {
        if (TableReader.IsExcel(path) || !File.Exists(path))
        {
            return null;
        }
        var size = new FileInfo(path).Length;
        var buffer = new byte[1 << 20];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        var lines = buffer.AsSpan(0, read).Count((byte)'\n');
        return lines == 0 ? null : (long)(size / ((double)read / lines));
    }
}
