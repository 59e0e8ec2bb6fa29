using System.Diagnostics.Metrics;

namespace RdInvest.Common;

/// <summary>
/// The platform's own metrics (meter <c>RdInvest</c>), exported by the web host through OpenTelemetry beside ASP.NET
/// Core's request durations: import rows and their speed, post-subsidy rounds, and failed sign-ins.
/// </summary>
public static class RdMetrics
{
    public const string MeterName = "RdInvest";

    private static readonly Meter s_meter = new(MeterName);

    private static readonly Counter<long> s_importRows = s_meter.CreateCounter<long>(
        "rdinvest.import.rows", "{row}", "Rows read by imports that ran to the end (committed, unchanged or rejected)");

    private static readonly Histogram<double> s_importRate = s_meter.CreateHistogram<double>(
        "rdinvest.import.rows_per_second", "{row}/s", "Rows per second of each import, reading to commit");

    private static readonly Counter<long> s_rounds = s_meter.CreateCounter<long>(
        "rdinvest.subsidy_rounds", "{round}", "Post-subsidy rounds saved or approved");

    private static readonly Counter<long> s_signInFailures = s_meter.CreateCounter<long>(
        "rdinvest.signin.failures", "{attempt}", "Password sign-ins refused (wrong, locked, disabled or throttled)");

    public static void ImportFinished(string kind, long rows, TimeSpan elapsed, bool written)
    {
        var tags = new KeyValuePair<string, object?>[] { new("kind", kind), new("written", written) };
        s_importRows.Add(rows, tags);
        if (elapsed > TimeSpan.Zero)
        {
            s_importRate.Record(rows / elapsed.TotalSeconds, tags);
        }
    }

    public static void Round(string step) => s_rounds.Add(1, new KeyValuePair<string, object?>("step", step));

    public static void SignInFailed(string outcome) => s_signInFailures.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
