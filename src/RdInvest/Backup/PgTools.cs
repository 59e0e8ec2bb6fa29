using System.Diagnostics;
using System.Globalization;
using Npgsql;
using RdInvest.Common;

namespace RdInvest.Backup;

/// <summary>PostgreSQL's own client tools (pg_dump, pg_restore), found and run with the connection's settings.</summary>
public static class PgTools
{
    /// <summary>A PostgreSQL client tool from PATH, else from Debian's versioned folders (newest first).</summary>
    public static string Find(string name)
    {
        foreach (var d in (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (d.Length > 0 && File.Exists(Path.Combine(d, name)))
            {
                return Path.Combine(d, name);
            }
        }
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var found = Directory.GetDirectories(debian)
                .Select(v => (Version: int.TryParse(Path.GetFileName(v), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0, Path: Path.Combine(v, "bin", name)))
                .Where(x => File.Exists(x.Path)).OrderByDescending(x => x.Version).FirstOrDefault();
            if (found.Path is not null)
            {
                return found.Path;
            }
        }
        throw new UserError($"找不到 {name}：请安装 PostgreSQL 客户端（Debian：apt-get install postgresql-client）",
            $"{name} not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client)");
    }

    /// <summary>The libpq environment for a connection string, so no password appears on a command line.</summary>
    public static Dictionary<string, string?> Environment(string connectionString)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        return new Dictionary<string, string?>
        {
            ["PGHOST"] = cs.Host,
            ["PGPORT"] = cs.Port.ToString(CultureInfo.InvariantCulture),
            ["PGDATABASE"] = cs.Database,
            ["PGUSER"] = cs.Username,
            ["PGPASSWORD"] = cs.Password,
        };
    }

    public static async Task RunAsync(string tool, IReadOnlyList<string> args, Dictionary<string, string?> env, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        await stdout;
        var err = (await stderr).Trim();
        if (p.ExitCode != 0)
        {
            throw new UserError($"{Path.GetFileName(tool)} 失败（退出码 {p.ExitCode}）：{err}", $"{Path.GetFileName(tool)} failed (exit {p.ExitCode}): {err}");
        }
    }
}
