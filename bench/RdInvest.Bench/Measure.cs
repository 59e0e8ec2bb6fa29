using System.Diagnostics;

namespace RdInvest.Bench;

/// <summary>Median wall time of repeated runs after a warm-up; figures are only compared within one run.</summary>
public static class Timing
{
    public static async Task<double> MedianMsAsync(Func<Task> action, int runs = 7)
    {
        await action();
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
