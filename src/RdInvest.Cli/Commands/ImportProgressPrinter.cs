using System.Globalization;
using RdInvest.Importing;

namespace RdInvest.Cli.Commands;

/// <summary>
/// Shows a big import's progress on an interactive terminal's stderr (rows read, every 100,000 rows, on one line), so
/// a million-row file does not look stuck. Never used when stderr is redirected: scripts and logs see no change.
/// </summary>
public sealed class ImportProgressPrinter : IProgress<ImportProgress>
{
    private const long Every = 100_000;
    private bool _shown;

    public static IProgress<ImportProgress>? ForConsole() => Console.IsErrorRedirected ? null : new ImportProgressPrinter();

    public void Report(ImportProgress value)
    {
        if (value.Stage == ImportStages.Reading && value.Rows > 0 && value.Rows % Every == 0)
        {
            _shown = true;
            Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r已读取 {value.Rows:#,0} 行 / {value.Rows:#,0} rows read"));
        }
        else if (value.Stage == ImportStages.Writing && _shown)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\r已读取 {value.Rows:#,0} 行，正在写入 / {value.Rows:#,0} rows read, writing"));
        }
    }
}
