using System.Data;
using System.Globalization;
using System.Text;
using MiniExcelLibs;
using RdInvest.Common;
using RdInvest.Policy;
using Sylvan.Data.Csv;

namespace RdInvest.Subsidies;

/// <summary>The round's payment list: XLSX (list, totals per league/city, summary), CSV (the list) or JSON.</summary>
public static class SubsidyRoundFiles
{
    public static object ToJson(SubsidyRoundResult r) => new
    {
        year = r.Year,
        date = r.Date,
        budget = r.Budget,
        total_claims = r.TotalClaims,
        total_paid = r.TotalPaid,
        remainder = r.Remainder,
        scale_factor = r.ScaleFactor is { } f ? decimal.Round(f, 10) : (decimal?)null,
        enterprises = r.Lines.Count,
        eligible = r.Lines.Count(l => l.Claim.Amount > 0m),
        lines = r.Lines.Select(l => new
        {
            credit_code = l.Applicant.CreditCode,
            name = l.Applicant.Name,
            league_city_code = l.Applicant.LeagueCityCode,
            league_city = l.Applicant.LeagueCityName,
            rd_prev = l.Applicant.RdPrev,
            revenue_prev = l.Applicant.RevenuePrev,
            rd_prev2 = l.Applicant.RdPrev2,
            claim = l.Claim.Amount,
            paid = l.Paid,
            explanation_zh = l.ExplanationZh,
            explanation_en = l.ExplanationEn,
        }),
        by_league_city = r.ByLeagueCity.Select(c => new
        {
            code = c.Code,
            name = c.Name,
            enterprises = c.Enterprises,
            eligible = c.Eligible,
            claims = c.Claims,
            paid = c.Paid,
        }),
        notes_zh = r.NotesZh,
        notes_en = r.NotesEn,
    };

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
                        ["名单 list"] = list,
                        ["盟市合计 by league-city"] = cities,
                        ["汇总 summary"] = summary,
                    }, overwriteFile: true);
                    break;
                }
            case ".CSV":
                {
                    using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                    using var csv = CsvDataWriter.Create(writer, new CsvDataWriterOptions { Culture = CultureInfo.InvariantCulture });
                    using var list = List(r);
                    using var reader = list.CreateDataReader();
                    csv.Write(reader);
                    break;
                }
            case ".JSON":
                File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(ToJson(r), RuleBatchFiles.JsonOptions), new UTF8Encoding(false));
                break;
            default:
                throw new UserError($"不支持的输出类型 {path}（应为 .xlsx、.csv 或 .json）", $"unsupported output type {path} (.xlsx, .csv or .json)", exitCode: 2);
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
        foreach (var l in r.Lines)
        {
            var a = l.Applicant;
            t.Rows.Add(RuleBatchFiles.Neutralise(a.CreditCode), RuleBatchFiles.Neutralise(a.Name), a.LeagueCityCode, a.LeagueCityName,
                a.RdPrev, a.RevenuePrev, a.RdPrev2 is { } p2 ? p2 : DBNull.Value, l.Claim.Amount, l.Paid,
                RuleBatchFiles.Neutralise(l.ExplanationZh), RuleBatchFiles.Neutralise(l.ExplanationEn));
        }
        t.Rows.Add(RuleBatchFiles.TotalLabel, null, null, null, DBNull.Value, DBNull.Value, DBNull.Value, r.TotalClaims, r.TotalPaid,
            $"{r.Lines.Count.ToString(CultureInfo.InvariantCulture)} 家企业", $"{r.Lines.Count.ToString(CultureInfo.InvariantCulture)} enterprises");
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
        foreach (var (zh, en) in r.NotesZh.Zip(r.NotesEn))
        {
            t.Rows.Add("说明 note", zh + " / " + en);
        }
        return t;
    }
}
