using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using RdInvest.Data;
using Xunit;

namespace RdInvest.IntegrationTests.Subsidies;

/// <summary>The real `rdinvest` program: calc and subsidy-round as a user runs them.</summary>
public sealed class CalcCliTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rdinvest-calc-").FullName;

    private string Db => Path.Combine(_dir, "round.db");

    public async ValueTask InitializeAsync()
    {
        await using var db = DbTarget.Parse(Db).CreateContext();
        await db.Database.EnsureCreatedAsync();
        var now = DateTime.UtcNow;
        db.Divisions.AddRange(
            new Division { Code = "150000", NameZh = "内蒙古自治区", NameEn = "Inner Mongolia", Level = DivisionLevels.Region },
            new Division { Code = "150100", NameZh = "呼和浩特市", NameEn = "Hohhot", Level = DivisionLevels.LeagueCity, ParentCode = "150000" },
            new Division { Code = "150102", NameZh = "新城区", NameEn = "Xincheng", Level = DivisionLevels.County, ParentCode = "150100" });
        var units = Enumerable.Range(1, 30)
            .Select(i => new ReportingUnit { CreditCode = $"U{i:00}", Name = $"企业{i}", Sector = Sectors.Enterprise, DivisionCode = "150102", UpdatedAt = now })
            .ToList();
        db.Units.AddRange(units);
        await db.SaveChangesAsync();
        // Every unit claims the capped 5,000,000: 150,000,000 in all.
        db.RdRecords.AddRange(units.Select(u => new UnitRdRecord
        {
            UnitId = u.Id, Year = 2022, RdTotalFen = 10_000_000_000, RevenueFen = 100_000_000_000, UpdatedAt = now,
        }));
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var cli = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(here))!, "RdInvest.Cli", Path.GetFileName(here), "rdinvest.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(File.Exists(cli) ? cli : Path.Combine(here, "rdinvest.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Calc_IssueExample_PrintsTheIssueJson()
    {
        var (code, output, _) = await Run("calc", "tech-transfer-tax", "year=2023", "income=8000000", "--json");
        Assert.Equal(0, code);
        var json = JsonNode.Parse(output)!;
        Assert.Equal("R3", (string?)json["rule"]);
        Assert.Equal(1_625_000m, (decimal)json["amount"]!);
        Assert.Equal(375_000m, (decimal)json["outputs"]!["tax_due"]!);
        Assert.Equal("二(二)6", (string?)json["steps"]![1]!["clause"]);
        Assert.False((bool)json["parameters"]![0]!["default"]!);
    }

    [Fact]
    public async Task Calc_MissingInput_ExitsWith2NamingIt()
    {
        var (code, _, error) = await Run("calc", "post-subsidy", "year=2023", "rd_prev=1");
        Assert.Equal(2, code);
        Assert.Contains("revenue_prev", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calc_List_HasEveryRule()
    {
        var (code, output, _) = await Run("calc", "list", "--json");
        Assert.Equal(0, code);
        Assert.Equal(RdInvest.Policy.RuleRegistry.All.Count, JsonNode.Parse(output)!.AsArray().Count);
        Assert.Equal(16, JsonNode.Parse(output)!.AsArray().Count);
    }

    [Fact]
    public async Task SubsidyRound_ClaimsAboveBudget_PaysWithinBudgetAndWritesTheList()
    {
        var xlsx = Path.Combine(_dir, "round.xlsx");
        var (code, output, error) = await Run("subsidy-round", "--year", "2023", "--budget", "100000000", "--out", xlsx, "--json", "--db", Db);
        Assert.True(code == 0, error);
        var json = JsonNode.Parse(output)!;
        // 10 %: base 100,000,000 × 4 % = 4,000,000 each and no increment (no 2021 record); 30 × 4,000,000 = 120,000,000.
        Assert.Equal(120_000_000m, (decimal)json["total_claims"]!);
        // 4,000,000 × 100,000,000 / 120,000,000 = 3,333,333.33 → 3,333,333 each; 30 × 3,333,333 = 99,999,990.
        Assert.Equal(99_999_990m, (decimal)json["total_paid"]!);
        Assert.Equal(10m, (decimal)json["remainder"]!);
        Assert.All(json["lines"]!.AsArray(), l => Assert.Equal(3_333_333m, (decimal)l!["paid"]!));
        Assert.Equal("呼和浩特市", (string?)json["by_league_city"]![0]!["name"]);
        Assert.True(File.Exists(xlsx));
    }
}
