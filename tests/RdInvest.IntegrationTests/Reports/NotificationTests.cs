using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MiniExcelLibs;
using Xunit;

namespace RdInvest.IntegrationTests.Reports;

/// <summary>
/// The annual notification on the demo data, checked by its extracted content (pdftotext, MiniExcel), against the
/// real `rdinvest assess --json` and `rdinvest progress --json`. Needs scripts/setup-report-tools.sh (Chromium,
/// Noto CJK, poppler-utils, reports/node_modules); scripts/test.sh runs it first.
/// </summary>
public sealed class NotificationTests
{
    private const int Year = 2023;

    private static readonly string[] Leagues =
        ["呼和浩特市", "包头市", "乌海市", "赤峰市", "通辽市", "鄂尔多斯市", "呼伦贝尔市", "巴彦淖尔市", "乌兰察布市", "兴安盟", "锡林郭勒盟", "阿拉善盟"];

    private static async Task<string> Ok(TestDatabase t, params string[] args)
    {
        var r = await CliRunner.RunAsync(t.DbArgument, args);
        Assert.True(r.ExitCode == 0, $"rdinvest {string.Join(' ', args)} → {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
        return r.Stdout;
    }

    [Fact]
    public async Task Notification_OnDemoData_PdfXlsxMatchAssessAndProgress_ReleaseIsFinal()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        await Ok(t, "demo");
        var dir = Directory.CreateTempSubdirectory("rdinvest-notification-test-");
        try
        {
            using var assess = JsonDocument.Parse(await Ok(t, "assess", "--year", "2023", "--json"));
            using var progress = JsonDocument.Parse(await Ok(t, "progress", "--year", "2023", "--json"));

            // PDF: real, extractable Chinese text with every league/city and every assessment total.
            var pdf = Path.Combine(dir.FullName, "n.pdf");
            await Ok(t, "report", "notification", "--year", "2023", "--out", pdf);
            var text = await PdfText(pdf);
            foreach (var name in Leagues)
            {
                Assert.Contains(name, text, StringComparison.Ordinal);
            }
            Assert.Contains("2023年度研发投入攻坚行动目标完成情况通报", text, StringComparison.Ordinal);
            foreach (var r in assess.RootElement.GetProperty("results").EnumerateArray())
            {
                Assert.Contains(r.GetProperty("total").GetDecimal().ToString("0.00", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
            }

            // XLSX: the same figures as the commands, sheet by sheet.
            var xlsx = Path.Combine(dir.FullName, "n.xlsx");
            await Ok(t, "report", "notification", "--year", "2023", "--out", xlsx);
            var sheets = MiniExcel.GetSheetNames(xlsx);
            Assert.Contains("考核 assessment", sheets);
            var assessRows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "考核 assessment").Cast<IDictionary<string, object?>>().ToList();
            foreach (var r in assess.RootElement.GetProperty("results").EnumerateArray())
            {
                var division = r.GetProperty("division").GetString();
                var mine = assessRows.Where(x => (string?)x["division"] == division).ToList();
                Assert.Equal(r.GetProperty("criteria").GetArrayLength(), mine.Count);
                Assert.All(mine, x => Assert.Equal(r.GetProperty("total").GetDecimal(), Convert.ToDecimal(x["total"], CultureInfo.InvariantCulture)));
                Assert.All(mine, x => Assert.Equal(r.GetProperty("rank").GetInt32(), Convert.ToInt32(x["rank"], CultureInfo.InvariantCulture)));
                foreach (var c in r.GetProperty("criteria").EnumerateArray())
                {
                    var row = mine.Single(x => (string?)x["criterion"] == c.GetProperty("id").GetString());
                    Assert.Equal(c.GetProperty("points").GetDecimal(), Convert.ToDecimal(row["points"], CultureInfo.InvariantCulture));
                }
            }
            var targetRows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "目标进展 targets").Cast<IDictionary<string, object?>>().ToList();
            foreach (var tg in progress.RootElement.GetProperty("targets").EnumerateArray())
            {
                var row = targetRows.Single(x => (string?)x["id"] == tg.GetProperty("id").GetString());
                Assert.Equal(tg.GetProperty("status").GetString(), (string?)row["status"]);
                var actual = tg.GetProperty("actual");
                if (actual.ValueKind == JsonValueKind.Null)
                {
                    Assert.Null(row["actual"]);
                }
                else
                {
                    Assert.Equal(actual.GetDecimal(), Convert.ToDecimal(row["actual"], CultureInfo.InvariantCulture));
                }
            }
            var leagueRows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "盟市 leagues").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(Leagues.Order(StringComparer.Ordinal), leagueRows.Select(x => (string)x["name"]!).Order(StringComparer.Ordinal));

            // Drafts and release: one draft for the year, released once, then immutable and listed.
            using var list = JsonDocument.Parse(await Ok(t, "report", "list", "--json"));
            var draft = list.RootElement.EnumerateArray().Single();
            Assert.Equal("draft", draft.GetProperty("status").GetString());
            var id = draft.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);
            await Ok(t, "report", "release", id);
            var again = await CliRunner.RunAsync(t.DbArgument, "report", "release", id);
            Assert.Equal(1, again.ExitCode);
            Assert.DoesNotContain("   at ", again.Stderr, StringComparison.Ordinal);
            using var released = JsonDocument.Parse(await Ok(t, "report", "list", "--released", "--json"));
            var rel = released.RootElement.EnumerateArray().Single();
            Assert.Equal("released", rel.GetProperty("status").GetString());
            Assert.NotEqual(JsonValueKind.Null, rel.GetProperty("released_at").ValueKind);
            var html = Path.Combine(dir.FullName, "released.html");
            await Ok(t, "report", "export", id, "--out", html);
            Assert.DoesNotContain("草稿 DRAFT", await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken), StringComparison.Ordinal);
            // Generating again leaves the released one alone and makes a new draft.
            await Ok(t, "report", "notification", "--year", "2023", "--out", Path.Combine(dir.FullName, "again.html"));
            using var after = JsonDocument.Parse(await Ok(t, "report", "list", "--json"));
            Assert.Equal(["draft", "released"], after.RootElement.EnumerateArray().Select(x => x.GetProperty("status").GetString()).Order(StringComparer.Ordinal));
            Assert.Equal(rel.GetProperty("fingerprint").GetString(), after.RootElement.EnumerateArray().First(x => x.GetProperty("status").GetString() == "draft").GetProperty("fingerprint").GetString());
            // Every draft written and the one release are audited in the same transaction as the write; the refused
            // second release wrote nothing.
            await using (var db = t.Open())
            {
                var entries = db.Audit.Where(a => a.Entity == "notification").OrderBy(a => a.Seq).Select(a => new { a.Action, a.EntityKey }).ToList();
                Assert.Equal(new { Action = "notification.release", EntityKey = (string?)id }, Assert.Single(entries, e => e.Action == "notification.release"));
                Assert.Equal(2, entries.Count(e => e.Action == "notification.draft"));
                Assert.True((await RdInvest.Auditing.AuditChain.VerifyAsync(db, TestContext.Current.CancellationToken)).Intact);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Parks_OnDemoData_EveryParkRankedWithRangeAndFloor()
    {
        await using var t = await TestDatabase.CreateAsync();
        await t.InitAsync();
        await Ok(t, "demo");
        using var doc = JsonDocument.Parse(await Ok(t, "parks", "--year", "2023", "--json"));
        var parks = doc.RootElement.GetProperty("parks").EnumerateArray().ToList();
        Assert.Equal(20, parks.Count);
        Assert.All(parks, p =>
        {
            var rank = p.GetProperty("rank").GetInt32();
            Assert.InRange(rank, p.GetProperty("rank_min").GetInt32(), p.GetProperty("rank_max").GetInt32());
            Assert.InRange(p.GetProperty("score").GetDecimal(), 0m, 100m);
            Assert.NotEqual(JsonValueKind.Null, p.GetProperty("floor").ValueKind);
            Assert.Equal(p.GetProperty("park_rd_intensity").GetDecimal() >= p.GetProperty("floor").GetDecimal(), p.GetProperty("met").GetBoolean());
        });
        Assert.Equal(1, parks.Min(p => p.GetProperty("rank").GetInt32()));
        using var cat = JsonDocument.Parse(await Ok(t, "parks", "--year", "2023", "--category", "national_htz", "--json"));
        Assert.All(cat.RootElement.GetProperty("parks").EnumerateArray(), p => Assert.Equal("national_htz", p.GetProperty("category").GetString()));
        var bad = await CliRunner.RunAsync(t.DbArgument, "parks", "--year", "2023", "--category", "moon_base");
        Assert.Equal(2, bad.ExitCode);
    }

    private static async Task<string> PdfText(string pdf)
    {
        var psi = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        psi.ArgumentList.Add("-enc");
        psi.ArgumentList.Add("UTF-8");
        psi.ArgumentList.Add(pdf);
        psi.ArgumentList.Add("-");
        using var p = Process.Start(psi)!;
        var text = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.Equal(0, p.ExitCode);
        return text;
    }
}
