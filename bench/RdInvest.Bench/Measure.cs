using System.Diagnostics;

namespace RdInvest.Bench;

/// <summary>Median wall time of repeated runs after a warm-up; figures are only compared within one run.</summary>
public static class Timing
{
    /// <param name="action">The work to time.</param>
    /// <param name="runs">Timed runs; the median is returned.</param>
    /// <param name="warmUp">Run once untimed first (off for work too long to repeat, such as a rebuild at 1,000,000 rows).</param>
    public static async Task<double> MedianMsAsync(Func<Task> action, int runs = 7, bool warmUp = true)
    {
        if (warmUp)
        {
            await action();
        }
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await action();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
