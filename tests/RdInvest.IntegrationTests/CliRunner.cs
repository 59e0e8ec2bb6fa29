using System.Diagnostics;
using System.Text;

namespace RdInvest.IntegrationTests;

/// <summary>Runs the real `rdinvest` program (the built rdinvest.dll) as a user would.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string DllPath
    {
        get
        {
            // artifacts/bin/RdInvest.IntegrationTests/debug/ → artifacts/bin/RdInvest.Cli/debug/rdinvest.dll
            var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            var config = Path.GetFileName(here);
            var bin = Path.GetDirectoryName(Path.GetDirectoryName(here))!;
            var path = Path.Combine(bin, "RdInvest.Cli", config, "rdinvest.dll");
            return File.Exists(path) ? path : Path.Combine(here, "rdinvest.dll");
        }
    }

    public static ProcessStartInfo StartInfo(string db, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(DllPath);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.ArgumentList.Add("--db");
        psi.ArgumentList.Add(db);
        psi.Environment.Remove("RDINVEST_DB");
        return psi;
    }

    public static async Task<Result> RunAsync(string db, params string[] args)
    {
        using var p = Process.Start(StartInfo(db, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return new Result(p.ExitCode, await stdout, await stderr);
    }
}
