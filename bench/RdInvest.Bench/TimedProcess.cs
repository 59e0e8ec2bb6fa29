using System.Diagnostics;
using System.Globalization;

namespace RdInvest.Bench;

/// <summary>One run of a child process: wall seconds from start to exit, peak resident memory, exit code, and the CPU
/// seconds it used (user + system) — the figure to compare on a machine shared with other work.</summary>
public sealed record ProcessRun(double Seconds, double PeakMb, int ExitCode, string Stderr)
{
    public double CpuSeconds { get; init; }
}

/// <summary>
/// Runs a command under <c>/usr/bin/time</c> (GNU time: wall time and the maximum resident set size), standard output
/// to a file or discarded, so each figure includes the process start as a user sees it.
/// </summary>
public static class TimedProcess
{
    public static async Task<ProcessRun> RunAsync(string file, IEnumerable<string> args, string? stdoutFile = null,
        IReadOnlyDictionary<string, string>? env = null)
    {
        var timeFile = Path.GetTempFileName();
        var psi = new ProcessStartInfo("/usr/bin/time")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-f");
        psi.ArgumentList.Add("%e %M %U %S");
        psi.ArgumentList.Add("-o");
        psi.ArgumentList.Add(timeFile);
        psi.ArgumentList.Add(file);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }
        using var p = Process.Start(psi)!;
        await using var sink = stdoutFile is null ? Stream.Null : File.Create(stdoutFile);
        var copy = p.StandardOutput.BaseStream.CopyToAsync(sink);
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        await copy;
        var parts = (await File.ReadAllTextAsync(timeFile)).Trim().Split('\n')[^1].Split(' ');
        File.Delete(timeFile);
        var seconds = double.Parse(parts[0], CultureInfo.InvariantCulture);
        var peakKb = double.Parse(parts[1], CultureInfo.InvariantCulture);
        var cpu = double.Parse(parts[2], CultureInfo.InvariantCulture) + double.Parse(parts[3], CultureInfo.InvariantCulture);
        return new ProcessRun(seconds, peakKb / 1024.0, p.ExitCode, await stderr) { CpuSeconds = cpu };
    }

    public static async Task<ProcessRun> RunCheckedAsync(string file, IEnumerable<string> args, string? stdoutFile = null,
        IReadOnlyDictionary<string, string>? env = null)
    {
        var list = args.ToList();
        var r = await RunAsync(file, list, stdoutFile, env);
        if (r.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', list)} exited {r.ExitCode}: {r.Stderr}");
        }
        return r;
    }

    public static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToList();
        return v.Count % 2 == 1 ? v[v.Count / 2] : (v[v.Count / 2 - 1] + v[v.Count / 2]) / 2;
    }
}
