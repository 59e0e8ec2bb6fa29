using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RdInvest.Auditing;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Importing;
using RdInvest.IntegrationTests.Importing;

namespace RdInvest.IntegrationTests.Faults;

/// <summary>
/// One seeded database that every kill starts from, cloned afresh for each kill: a SQLite file copied, or a PostgreSQL
/// database created from it as a template. The seed holds what each killed operation needs — units and their R&amp;D
/// records, a submitted county-year, a draft notification, a saved subsidy round, an enabled user — so every kill runs
/// the same operation on the same data.
/// </summary>
public sealed class KillTemplate : IAsyncDisposable
{
    public const string County = "150102";
    public const int Year = 2022;
    public const long Notification = 1;
    public const long Round = 1;
    public const string User = "analyst";
    public const int Units = 300;

    private readonly TestDatabase _template;
    private readonly List<string> _files = [];
    private readonly List<string> _pgNames = [];

    private KillTemplate(TestDatabase template, string dir)
    {
        _template = template;
        Dir = dir;
    }

    /// <summary>Files of the operations (the import's CSV) and the pause markers.</summary>
    public string Dir { get; }

    public string RdFile => Path.Combine(Dir, "rd.csv");

    public static async Task<KillTemplate> CreateAsync(CancellationToken ct)
    {
        var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        var dir = Directory.CreateTempSubdirectory("rdinvest-kills-").FullName;
        var template = new KillTemplate(t, dir);
        await template.SeedAsync(ct);
        return template;
    }

    private async Task SeedAsync(CancellationToken ct)
    {
        await using (var db = _template.Open())
        {
            await Import(db, "parks", SampleFiles.Rows("parks", 0), ct);
        }
        await using (var db = _template.Open())
        {
            await Import(db, "units", SampleFiles.Rows("units", Units), ct);
        }
        await using (var db = _template.Open())
        {
            await Import(db, "rd", SampleFiles.Rows("rd", Units / 2), ct);
        }
        // The killed import: every unit, the first half with changed figures (updates), the second half new (inserts).
        var rd = SampleFiles.Rows("rd", Units);
        var col = ImportKinds.Rd.Columns.ToList().FindIndex(c => c.Key == "invention_patents");
        for (var i = 1; i <= Units / 2; i++)
        {
            rd[i][col] = "77";
        }
        SampleFiles.WriteCsv(RdFile, rd);

        await using (var db = _template.Open())
        {
            var now = DateTime.UtcNow;
            var a = new ReportingUnit { CreditCode = CreditCode.Complete("91150102MA9000001"), Name = "甲企业", Sector = Sectors.Enterprise, DivisionCode = County, AboveScale = true, UpdatedAt = now };
            var b = new ReportingUnit { CreditCode = CreditCode.Complete("91150102MA9000002"), Name = "乙企业", Sector = Sectors.Enterprise, DivisionCode = County, AboveScale = true, UpdatedAt = now };
            db.Units.AddRange(a, b);
            await db.SaveChangesAsync(ct);
            db.RdRecords.Add(new UnitRdRecord { UnitId = a.Id, Year = Year, RdTotalFen = 1_000_000_00, RevenueFen = 50_000_000_00, UpdatedAt = now });
            db.RdRecords.Add(new UnitRdRecord { UnitId = b.Id, Year = Year, RdTotalFen = 2_000_000_00, RevenueFen = 60_000_000_00, UpdatedAt = now });
            db.Notifications.Add(new Notification { Year = Year, PlanId = "im-rd-2021-2025", Status = NotificationStatuses.Draft, CreatedAt = now, Fingerprint = "f", ContentHtml = "<h1>2022年通报（草稿）</h1>" });
            await db.SaveChangesAsync(ct);
        }
        await using (var db = _template.Open())
        {
            var saved = await new RdInvest.Subsidies.SavedRoundHandler(db, TimeProvider.System).SaveAsync(
                new RdInvest.Subsidies.SubsidyRoundRequest(Year + 1, 1_000_000m), Plans.PlanLoader.BuiltIn("im-rd-2021-2025"), Actor.Cli("seed"), ct);
            if (saved.Round.Id != Round || saved.Round.Enterprises == 0)
            {
                throw new InvalidOperationException($"the seed round is {saved.Round.Id} with {saved.Round.Enterprises} enterprises");
            }
            await new RdInvest.Approval.ApprovalHandler(db, TimeProvider.System).TransitionAsync(County, Year, RdInvest.Approval.ApprovalActions.Submit, null,
                new Accounts.UserScope("seed", Accounts.Roles.RegionAdmin, null), Actor.Cli("seed"), ct);
            if (await db.Notifications.Where(n => n.Status == NotificationStatuses.Draft).Select(n => n.Id).SingleAsync(ct) != Notification)
            {
                throw new InvalidOperationException("the seed notification is not notification 1");
            }
        }
        var added = await CliRunner.RunAsync(_template.DbArgument, "user", "add", User, "--role", Accounts.Roles.RegionAnalyst);
        if (added.ExitCode != 0)
        {
            throw new InvalidOperationException(added.Stderr);
        }
        if (!TestDatabase.IsPostgres)
        {
            await using var db = _template.Open();
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", ct);
        }
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task Import(RdInvestDb db, string kind, List<string[]> rows, CancellationToken ct)
    {
        var file = Path.Combine(Path.GetTempPath(), $"rdinvest-seed-{Guid.NewGuid():N}.csv");
        try
        {
            SampleFiles.WriteCsv(file, rows);
            var r = await new ImportFileHandler(db, TimeProvider.System).HandleAsync(new ImportRequest(kind, file, User: "seed"), ct);
            if (!r.Accepted)
            {
                throw new InvalidOperationException($"seed {kind}: {string.Join("; ", r.Findings.Select(f => f.MessageEn))}");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A fresh copy of the seeded database; its --db text.</summary>
    public async Task<string> CloneAsync(CancellationToken ct)
    {
        if (!TestDatabase.IsPostgres)
        {
            var file = Path.Combine(Dir, $"clone-{Guid.NewGuid():N}.db");
            File.Copy(_template.DbArgument, file);
            _files.Add(file);
            return file;
        }
        var admin = Environment.GetEnvironmentVariable(TestDatabase.PgVariable)!;
        var source = new NpgsqlConnectionStringBuilder(_template.DbArgument).Database!;
        var name = $"rdk_{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{source}\"", conn);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        _pgNames.Add(name);
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a clone as soon as its kill is checked (a long run makes hundreds).</summary>
    public async Task DropAsync(string clone)
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (!TestDatabase.IsPostgres)
        {
            foreach (var f in new[] { clone, clone + "-wal", clone + "-shm", clone + "-journal" })
            {
                TryDelete(f);
            }
            return;
        }
        var admin = Environment.GetEnvironmentVariable(TestDatabase.PgVariable)!;
        var name = new NpgsqlConnectionStringBuilder(clone).Database!;
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
        _pgNames.Remove(name);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var name in _pgNames.ToList())
        {
            await DropAsync(new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(TestDatabase.PgVariable)!) { Database = name }.ConnectionString);
        }
        await _template.DisposeAsync();
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }
}
