using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace RdInvest.IntegrationTests;

/// <summary>
/// A PostgreSQL cluster of the test's own (initdb into a temporary folder, on a free port of 127.0.0.1), for tests that
/// stop and start the server or need more than one server. Uses Debian's binaries under /usr/lib/postgresql; as root
/// it runs them as the postgres user, as initdb requires.
/// </summary>
public sealed class PgCluster : IAsyncDisposable
{
    private const string Password = "cluster-test";

    private PgCluster(string bin, string dir, int port)
    {
        Bin = bin;
        Dir = dir;
        Port = port;
    }

    public string Bin { get; }

    public string Dir { get; }

    public string DataDir => Path.Combine(Dir, "data");

    public int Port { get; }

    /// <summary>The PostgreSQL binaries' folder, or null when PostgreSQL is not installed.</summary>
    public static string? FindBin() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;

    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Password = Password, Database = database, Timeout = 5 }.ConnectionString;

    public static async Task<PgCluster> StartAsync(string? extraConfig = null)
    {
        var bin = FindBin() ?? throw new InvalidOperationException("PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb)");
        var dir = Directory.CreateTempSubdirectory("rdinvest-pgcluster-").FullName;
        var cluster = new PgCluster(bin, dir, FreePort());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        await File.WriteAllTextAsync(Path.Combine(dir, "pwfile"), Password + "\n");
        await cluster.ChownAsync(dir);
        await cluster.RunAsync($"{bin}/initdb -D {cluster.DataDir} -U postgres --auth=scram-sha-256 --pwfile={dir}/pwfile -E UTF8 --locale=C.UTF-8");
        if (extraConfig is not null)
        {
            await File.AppendAllTextAsync(Path.Combine(cluster.DataDir, "postgresql.conf"), "\n" + extraConfig + "\n");
        }
        await cluster.StartServerAsync();
        return cluster;
    }

    /// <summary>Starts the server of a data folder made elsewhere (e.g. a replica from pg_basebackup) on a new port.</summary>
    public static async Task<PgCluster> StartFromAsync(string bin, string dir)
    {
        var cluster = new PgCluster(bin, dir, FreePort());
        await cluster.StartServerAsync();
        return cluster;
    }

    public Task StartServerAsync() =>
        RunAsync($"{Bin}/pg_ctl -D {DataDir} -l {Dir}/server.log -o '-p {Port.ToString(CultureInfo.InvariantCulture)} -c listen_addresses=127.0.0.1 -c fsync=off -k {Dir}' -w -t 60 start");

    public Task StopServerAsync() => RunAsync($"{Bin}/pg_ctl -D {DataDir} -m fast -w -t 60 stop");

    /// <summary>Runs a shell command as the cluster's owner (postgres when the tests run as root).</summary>
    public async Task RunAsync(string command)
    {
        var psi = Environment.UserName == "root"
            ? new ProcessStartInfo("su") { ArgumentList = { "postgres", "-s", "/bin/bash", "-c", command } }
            : new ProcessStartInfo("/bin/bash") { ArgumentList = { "-c", command } };
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{command}` failed ({p.ExitCode}): {await stdout} {await stderr}");
        }
    }

    public async Task ChownAsync(string path)
    {
        if (Environment.UserName == "root")
        {
            using var p = Process.Start("chown", ["-R", "postgres", path]);
            await p.WaitForExitAsync();
        }
    }

    public async Task CreateDatabaseAsync(string name)
    {
        await using var conn = new NpgsqlConnection(ConnectionString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync($"{Bin}/pg_ctl -D {DataDir} -m immediate -w stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }
}
