using System.Data;
using System.Globalization;
using System.Text;
using MiniExcelLibs;
using RdInvest.Common;
using RdInvest.Exporting;
using RdInvest.Policy;
using Sylvan.Data.Csv;

namespace RdInvest.Subsidies;

/// <summary>The round's payment list: XLSX (list, totals per league/city, summary), CSV (the list) or JSON.</summary>
public static class SubsidyRoundFiles
{
    /// <summary>The round as JSON: <see cref="SubsidyRoundView"/>.</summary>
    public static SubsidyRoundView ToJson(SubsidyRoundResult r) => SubsidyRoundView.Of(r);

    public static void Write(string path, SubsidyRoundResult r)
    {
        switch (Path.GetExtension(path).ToUpperInvariant())
        {
            case ".XLSX":
                {
                    using var list = List(r);
                    using var cities = Cities(r);
                    using var summary = Summary(r);
                    MiniExcel.SaveAs(path, new Dictionary<string, object>
                    {
                        ["名单 list"] = CellSafety.NeutraliseText(list),
                        ["盟市合计 by league-city"] = CellSafety.NeutraliseText(cities),
                        ["汇总 summary"] = CellSafety.NeutraliseText(summary),
                    }, overwriteFile: true);
                    break;
                }
            case ".CSV":
                {
                    using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                    using var csv = CsvDataWriter.Create(writer, new CsvDataWriterOptions { Culture = CultureInfo.InvariantCulture });
                    using var list = List(r);
                    using var reader = CellSafety.NeutraliseText(list).CreateDataReader();
                    csv.Write(reader);
                    break;
                }
            case ".JSON":
                File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(ToJson(r), JsonDefaults.Indented), new UTF8Encoding(false));
                break;
            default:
                throw new UserError($"不支持的输出类型 {path}（应为 .xlsx、.csv 或 .json）", $"unsupported output type {path} (.xlsx, .csv or .json)", exitCode: 2);
        }
    }

    /// <summary>One payee of a saved round: R2 paid after scaling, R1 claimed, and their sum (yuan).</summary>
    public sealed record PaymentLine(string CreditCode, string Name, string LeagueCityCode, string LeagueCity, decimal R2, decimal R1)
    {
        public decimal Total => R2 + R1;
    }

    /// <summary>The payment list of a saved round: every enterprise paid R2 or claiming R1, in the round's order.</summary>
    public static IReadOnlyList<PaymentLine> PaymentLines(SavedRound round) =>
        round.Result["lines"]!.AsArray()
            .Select(l => new PaymentLine((string)l!["credit_code"]!, (string)l["name"]!, (string)l["league_city_code"]!, (string)l["league_city"]!,
                (decimal)l["paid"]!, l["r1_claim"] is { } r1 ? (decimal)r1 : 0m))
            .Where(l => l.R2 > 0m || l.R1 > 0m)
            .ToList();

    /// <summary>The payment list (<c>subsidy-round export ID</c>): XLSX (list, totals per league/city, summary) or CSV (the list).</summary>
    public static void WritePayments(string path, SavedRound round)
    {
        var lines = PaymentLines(round);
        using var list = new DataTable("payments") { Locale = CultureInfo.InvariantCulture };
        list.Columns.Add("credit_code", typeof(string));
        list.Columns.Add("name", typeof(string));
        list.Columns.Add("league_city_code", typeof(string));
        list.Columns.Add("league_city", typeof(string));
        list.Columns.Add("r2_amount", typeof(decimal));
        list.Columns.Add("r1_amount", typeof(decimal));
        list.Columns.Add("total", typeof(decimal));
        foreach (var l in lines)
        {
            list.Rows.Add(CellSafety.Neutralise(l.CreditCode), CellSafety.Neutralise(l.Name), l.LeagueCityCode, l.LeagueCity, l.R2, l.R1, l.Total);
        }
        list.Rows.Add(RuleBatchFiles.TotalLabel, $"{lines.Count.ToString(CultureInfo.InvariantCulture)} 家企业 enterprises", null, null,
            lines.Sum(l => l.R2), lines.Sum(l => l.R1), lines.Sum(l => l.Total));
        switch (Path.GetExtension(path).ToUpperInvariant())
        {
            case ".XLSX":
                {
                    using var cities = new DataTable("cities") { Locale = CultureInfo.InvariantCulture };
                    cities.Columns.Add("league_city_code", typeof(string));
                    cities.Columns.Add("league_city", typeof(string));
                    cities.Columns.Add("enterprises", typeof(int));
                    cities.Columns.Add("r2_amount", typeof(decimal));
                    cities.Columns.Add("r1_amount", typeof(decimal));
                    cities.Columns.Add("total", typeof(decimal));
                    foreach (var g in lines.GroupBy(l => (l.LeagueCityCode, l.LeagueCity)).OrderBy(g => g.Key.LeagueCityCode, StringComparer.Ordinal))
                    {
                        cities.Rows.Add(g.Key.LeagueCityCode, g.Key.LeagueCity, g.Count(), g.Sum(l => l.R2), g.Sum(l => l.R1), g.Sum(l => l.Total));
                    }
                    cities.Rows.Add(RuleBatchFiles.TotalLabel, null, lines.Count, lines.Sum(l => l.R2), lines.Sum(l => l.R1), lines.Sum(l => l.Total));
                    using var summary = new DataTable("summary") { Locale = CultureInfo.InvariantCulture };
                    summary.Columns.Add("item", typeof(string));
                    summary.Columns.Add("value", typeof(string));
                    var r = round.Round;
                    summary.Rows.Add("轮次 round", r.Id.ToString(CultureInfo.InvariantCulture));
                    summary.Rows.Add("年度 year", r.Year.ToString(CultureInfo.InvariantCulture));
                    summary.Rows.Add("方案 plan", r.PlanId);
                    summary.Rows.Add("状态 status", r.Status == Data.SubsidyRoundStatuses.Approved ? "已批准 approved" : "草稿，未批准 draft, not approved");
                    summary.Rows.Add("预算 budget", r.Budget is { } b ? RuleFormat.Money(b) : "未设 none");
                    summary.Rows.Add("R2 拨付合计 R2 paid", RuleFormat.Money(r.TotalPaid));
                    summary.Rows.Add("R1 奖励合计 R1 rewards", RuleFormat.Money(r.R1TotalClaims));
                    summary.Rows.Add("计算 computed", $"{r.CreatedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)} {r.CreatedBy}");
                    summary.Rows.Add("批准 approved", r.ApprovedAt is { } at ? $"{at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)} {r.ApprovedBy}" : "");
                    summary.Rows.Add("指纹 fingerprint (SHA-256)", r.Fingerprint);
                    MiniExcel.SaveAs(path, new Dictionary<string, object>
                    {
                        ["拨付名单 payments"] = CellSafety.NeutraliseText(list),
                        ["盟市合计 by league-city"] = CellSafety.NeutraliseText(cities),
                        ["汇总 summary"] = CellSafety.NeutraliseText(summary),
                    }, overwriteFile: true);
                    break;
                }
            case ".CSV":
                {
                    using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                    using var csv = CsvDataWriter.Create(writer, new CsvDataWriterOptions { Culture = CultureInfo.InvariantCulture });
                    using var reader = CellSafety.NeutraliseText(list).CreateDataReader();
                    csv.Write(reader);
                    break;
                }
            default:
                throw new UserError($"不支持的输出类型 {path}（应为 .xlsx 或 .csv）", $"unsupported output type {path} (.xlsx or .csv)", exitCode: 2);
        }
    }

    private static DataTable List(SubsidyRoundResult r)
    {
        var t = new DataTable("list") { Locale = CultureInfo.InvariantCulture };
        t.Columns.Add("credit_code", typeof(string));
        t.Columns.Add("name", typeof(string));
        t.Columns.Add("league_city_code", typeof(string));
        t.Columns.Add("league_city", typeof(string));
        t.Columns.Add("rd_prev", typeof(decimal));
        t.Columns.Add("revenue_prev", typeof(decimal));
        t.Columns.Add("rd_prev2", typeof(decimal));
        t.Columns.Add("claim", typeof(decimal));
        t.Columns.Add("paid", typeof(decimal));
        t.Columns.Add("explanation", typeof(string));
        t.Columns.Add("explanation_en", typeof(string));
        // R1 columns come after the R2 ones, so files read by column position keep working.
        t.Columns.Add("r1_paid_year", typeof(int));
        t.Columns.Add("r1_paid_amount", typeof(decimal));
        t.Columns.Add("r1_certified_on", typeof(string));
        t.Columns.Add("r1_claim", typeof(decimal));
        t.Columns.Add("r1_explanation", typeof(string));
        t.Columns.Add("r1_explanation_en", typeof(string));
        foreach (var l in r.Lines)
        {
            var a = l.Applicant;
            t.Rows.Add(CellSafety.Neutralise(a.CreditCode), CellSafety.Neutralise(a.Name), a.LeagueCityCode, a.LeagueCityName,
                a.RdPrev, a.RevenuePrev, a.RdPrev2 is { } p2 ? p2 : DBNull.Value, l.Claim.Amount, l.Paid,
                CellSafety.Neutralise(l.ExplanationZh), CellSafety.Neutralise(l.ExplanationEn),
                a.R1Paid is { } paid ? paid.Year : DBNull.Value, a.R1Paid is { } paid2 ? paid2.Amount : DBNull.Value,
                l.R1Certificate is { } c ? RuleFormat.Date(c.Issued) : null, l.R1 is { } r1 ? r1.Amount : DBNull.Value,
                l.R1 is { } r1z ? CellSafety.Neutralise(r1z.ExplanationZh()) : null, l.R1 is { } r1e ? CellSafety.Neutralise(r1e.ExplanationEn()) : null);
        }
        t.Rows.Add(RuleBatchFiles.TotalLabel, null, null, null, DBNull.Value, DBNull.Value, DBNull.Value, r.TotalClaims, r.TotalPaid,
            $"{r.Lines.Count.ToString(CultureInfo.InvariantCulture)} 家企业", $"{r.Lines.Count.ToString(CultureInfo.InvariantCulture)} enterprises",
            DBNull.Value, DBNull.Value, null, r.R1TotalClaims, null, null);
        return t;
    }

    private static DataTable Cities(SubsidyRoundResult r)
    {
        var t = new DataTable("cities") { Locale = CultureInfo.InvariantCulture };
        t.Columns.Add("code", typeof(string));
        t.Columns.Add("league_city", typeof(string));
        t.Columns.Add("enterprises", typeof(int));
        t.Columns.Add("eligible", typeof(int));
        t.Columns.Add("claims", typeof(decimal));
        t.Columns.Add("paid", typeof(decimal));
        foreach (var c in r.ByLeagueCity)
        {
            t.Rows.Add(c.Code, c.Name, c.Enterprises, c.Eligible, c.Claims, c.Paid);
        }
        t.Rows.Add(RuleBatchFiles.TotalLabel, null, r.Lines.Count, r.Lines.Count(l => l.Claim.Amount > 0m), r.TotalClaims, r.TotalPaid);
        return t;
    }

    private static DataTable Summary(SubsidyRoundResult r)
    {
        var t = new DataTable("summary") { Locale = CultureInfo.InvariantCulture };
        t.Columns.Add("item", typeof(string));
        t.Columns.Add("value", typeof(string));
        t.Rows.Add("年度 year", r.Year.ToString(CultureInfo.InvariantCulture));
        t.Rows.Add("参数日期 parameters as of", RuleFormat.Date(r.Date));
        t.Rows.Add("预算 budget", r.Budget is { } b ? RuleFormat.Money(b) : "未设 none");
        t.Rows.Add("申报合计 claims", RuleFormat.Money(r.TotalClaims));
        t.Rows.Add("拨付合计 paid", RuleFormat.Money(r.TotalPaid));
        t.Rows.Add("未分配余额 undistributed", r.Remainder is { } rem ? RuleFormat.Money(rem) : "");
        t.Rows.Add("缩减系数 scale factor", r.ScaleFactor is { } f ? RuleFormat.Number(decimal.Round(f, 10)) : "不缩减 none");
        t.Rows.Add("R1 一次性奖励申报合计 R1 claims", RuleFormat.Money(r.R1TotalClaims));
        t.Rows.Add("已领取 R1 的企业 already paid R1", r.Lines.Count(l => l.Applicant.R1Paid is not null).ToString(CultureInfo.InvariantCulture));
        foreach (var (zh, en) in r.NotesZh.Zip(r.NotesEn))
        {
            t.Rows.Add("说明 note", zh + " / " + en);
        }
        return t;
    }
}
