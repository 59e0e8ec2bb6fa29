using System.Diagnostics;
using RdInvest.Common;

namespace RdInvest.Reports;

/// <summary>
/// Prints an HTML page to PDF (A4 portrait from the page's @page CSS) with headless Debian Chromium. Text stays text:
/// Chinese is set in Noto CJK (fonts-noto-cjk) and is extractable with pdftotext.
/// </summary>
public static class PdfPrinter
{
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("RDINVEST_CHROMIUM") is { Length: > 0 } p ? p
        : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists) ?? "/usr/bin/chromium";

    public static async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        var chromium = ChromiumPath;
        if (!File.Exists(chromium))
        {
            throw new NotInstalledError($"找不到 Chromium（{chromium}），请运行 scripts/setup-report-tools.sh", $"Chromium not found ({chromium}); run scripts/setup-report-tools.sh");
        }
        var work = Directory.CreateTempSubdirectory("rdinvest-pdf-");
        try
        {
            var page = Path.Combine(work.FullName, "report.html");
            var pdf = Path.Combine(work.FullName, "report.pdf");
            await File.WriteAllTextAsync(page, html, ct);
            var psi = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-pdf-header-footer",
                         $"--user-data-dir={Path.Combine(work.FullName, "profile")}", $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri,
                     })
            {
                psi.ArgumentList.Add(a);
            }
            using var p = Process.Start(psi) ?? throw new NotInstalledError("Chromium 无法启动", "Chromium did not start");
            var stdout = p.StandardOutput.ReadToEndAsync(ct);
            var stderr = p.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            try
            {
                await p.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                p.Kill(entireProcessTree: true);
                throw new NotInstalledError("Chromium 打印 PDF 超时", "Chromium timed out printing the PDF");
            }
            await stdout;
            var err = await stderr;
            if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0)
            {
                var last = err.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
                throw new NotInstalledError($"Chromium 未生成 PDF：{last}", $"Chromium produced no PDF: {last}");
            }
            return await File.ReadAllBytesAsync(pdf, ct);
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A profile file still held by an exiting Chromium is left to the temp cleaner.
            }
        }
    }
}
