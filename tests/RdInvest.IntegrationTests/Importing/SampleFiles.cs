using System.Globalization;
using System.Text;
using MiniExcelLibs;
using RdInvest.Common;
using RdInvest.Importing;

namespace RdInvest.IntegrationTests.Importing;

/// <summary>Generated files of every kind: a clean UTF-8 CSV, and the same content as files really come.</summary>
public static class SampleFiles
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly string[] Counties = ["150102", "150105", "150203", "150602", "152502"];

    public static string Code(int i) => CreditCode.Complete("91150102MA" + i.ToString("D7", Inv));

    /// <summary>Rows of a kind in English keys, values in 万元, as clean text.</summary>
    public static List<string[]> Rows(string kind, int count) => kind switch
    {
        "parks" => [["park_id", "name", "category", "division_code"],
            ["P1", "呼和浩特金山高新区", "region_htz", "150100"], ["P2", "包头稀土高新区", "national_htz", "150200"]],
        "units" => [["credit_code", "name", "sector", "division_code", "industry_code", "above_scale", "state_owned", "park_id"],
            .. Enumerable.Range(1, count).Select(i => new[]
            {
                Code(i), $"示例单位{i}，含“引号”", i % 7 == 0 ? "institute" : "enterprise", Counties[i % Counties.Length],
                i % 3 == 0 ? "" : "C38", i % 2 == 0 ? "是" : "否", i % 5 == 0 ? "1" : "0", i % 4 == 0 ? "P1" : "",
            })],
        "rd" => [[.. ImportKinds.Rd.Columns.Select(c => c.Key)],
            .. Enumerable.Range(1, count).Select(i =>
            {
                var total = 1000m + i + (i % 100 / 100m);        // 万元, two decimals
                var gov = decimal.Round(total * 0.2m, 2);
                var applied = decimal.Round(total * 0.3m, 2);
                var personnel = decimal.Round(total * 0.5m, 2);
                var capital = decimal.Round(total * 0.25m, 2);
                return new[]
                {
                    Code(i), "2023", D(total), D(gov), D(total - gov), "0", "0", "0", D(applied), D(total - applied),
                    D(personnel), D(capital), D(total - personnel - capital), i % 3 == 0 ? "" : "12.5",
                    (10 + i % 50).ToString(Inv), D(8.25m + (i % 10)), D(total * 20 + 0.01m), i % 2 == 0 ? "是" : "否",
                    (i % 30).ToString(Inv), i % 3 == 0 ? "" : i % 2 == 0 ? "是" : "否",
                };
            })],
        "division-figures" => [["division_code", "year", "rd_total", "gdp", "rd_intensity", "hte_count", "tsme_count", "source"],
            ["150100", "2023", "445000", "38015500", "1.1706", "700", "900", "公报"],
            ["150200", "2023", "775000", "42639000", "1.8176", "", "", "=cmd|' /C calc'!A0"]],
        "park-figures" => [[.. ImportKinds.ParkFigures.Columns.Select(c => c.Key)],
            ["P1", "2023", "1500000", "4000000", "30000", "25", "60", "300"],
            ["P2", "2023", "2500000.5", "", "70000.25", "40", "", "500"]],
        "certifications" => [["credit_code", "kind", "number", "issued", "expires", "relocated"],
            .. Enumerable.Range(1, Math.Min(count, 20)).Select(i => new[]
            {
                Code(i), i % 2 == 0 ? "hte" : "tsme", $"GR2023{i:D6}", "2023/1/5", i % 2 == 0 ? "" : "2023-12-31", i % 3 == 0 ? "是" : "",
            })],
        "projects" => [["project_id", "year", "title", "lead_credit_code", "funding", "mode"],
            .. Enumerable.Range(1, Math.Min(count, 10)).Select(i => new[]
            {
                $"2023ZD{i:D4}", "2023", i == 1 ? "-稀土材料" : $"重大专项{i}", Code(i), D(2000m + i / 8m),
                i % 5 == 0 ? "" : Data.ProjectModes.All[i % 4],
            })],
        "platforms" => [["platform_id", "name", "type", "level", "host", "recognised_on", "valid_until"],
            .. Enumerable.Range(1, Math.Min(count, 14)).Select(i => new[]
            {
                $"PF{i:D3}", $"示例平台{i}", RdInvest.Platforms.PlatformTypes.All[i % 7], RdInvest.Platforms.PlatformLevels.All[i % 3],
                Code(i), "2022-06-30", i % 2 == 0 ? "" : "2027/6/29",
            })],
        "platform-evaluations" => [["platform_id", "year", "grade", "score"],
            .. Enumerable.Range(1, Math.Min(count, 14)).Select(i => new[]
            {
                $"PF{i:D3}", "2023", "ABCD"[i % 4].ToString(), i % 3 == 0 ? "" : D(60m + i + 0.25m),
            })],
        // A branch comes before its bank: a parent may be anywhere in the same file.
        "institutions" => [["code", "name", "kind", "parent_code", "division_code"],
            [Institution(3), "示例银行科技支行", "tech_branch", Institution(1), "150102"],
            [Institution(1), "示例银行内蒙古分行", "bank", "", "150100"],
            [Institution(2), "另一银行", "bank", "", "150200"],
            [Institution(4), "另一银行科技金融事业部", "tech_branch", Institution(2), "150203"],
            [Institution(5), "示例融资担保公司", "guarantee", "", "150100"],
            [Institution(6), "示例证券", "other", "", "150100"]],
        "loans" => [["loan_id", "lender_code", "borrower", "kind", "guarantor_code", "granted_on", "matures_on", "repaid_on",
                "amount", "annual_rate", "guarantee_fee", "loss_amount"],
            .. Enumerable.Range(1, count).Select(i => new[]
            {
                $"DK{i:D5}", Institution(1 + i % 4), Code(i), LoanKind(i), i % 4 == 2 ? Institution(5) : "",
                "2023-03-15", "2024-03-14", i % 5 == 0 ? "2023/12/1" : "", D(100m + i / 4m), i % 2 == 0 ? "4.35%" : "0.0385",
                i % 4 == 2 ? "1.5" : "", i % 4 == 1 && i % 3 == 0 ? "20" : "",
            })],
        "financing" => [["event_id", "unit", "kind", "date", "amount_raised", "institution_code"],
            .. Enumerable.Range(1, Math.Min(count, 7)).Select(i => new[]
            {
                $"ZR{i:D4}", Code(i), RdInvest.Finance.FinancingKinds.All[i - 1], "2023-06-30", D(3000m + i), i % 2 == 0 ? Institution(6) : "",
            })],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Institution(int i) => CreditCode.Complete("91150100FN" + i.ToString("D7", Inv));

    private static string LoanKind(int i) => (i % 4) switch { 1 => "ip_pledge", 2 => "guaranteed", 3 => "credit", _ => "other" };

    private static string D(decimal d) => d.ToString(Inv);

    public static string WriteCsv(string path, List<string[]> rows, Encoding? encoding = null)
    {
        using var w = new StreamWriter(path, false, encoding ?? new UTF8Encoding(false));
        foreach (var r in rows)
        {
            w.Write(string.Join(',', r.Select(Quote)));
            w.Write("\r\n");
        }
        return path;
    }

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    /// <summary>Chinese headers (with units), as in a template.</summary>
    public static List<string[]> WithChineseHeaders(string kind, List<string[]> rows)
    {
        var k = ImportKinds.Get(kind);
        return [[.. rows[0].Select(key => k.Find(key)!.HeaderZh(MoneyUnit.TenThousandYuan))], .. rows.Skip(1)];
    }

    /// <summary>
    /// An XLSX as statisticians send it: a title row and a blank row above the header, Chinese headers with
    /// stray spaces, every number stored as text (thousands separators, some in full-width digits), blank rows.
    /// </summary>
    public static string WriteMessyXlsx(string path, string kind, List<string[]> rows)
    {
        var zh = WithChineseHeaders(kind, rows);
        var width = rows[0].Length;
        var cols = Enumerable.Range(0, width).Select(i => ((char)('A' + i)).ToString()).ToList();
        var sheet = new List<Dictionary<string, object?>>
        {
            cols.ToDictionary(c => c, c => c == "A" ? (object?)"2023年度研发投入统计表" : null),
            cols.ToDictionary(c => c, _ => (object?)null),
            cols.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => (object?)$" {zh[0][x.i]} "),
        };
        var k = ImportKinds.Get(kind);
        var money = rows[0].Select(key => k.Find(key)!.Type is CellType.Money or CellType.Fte or CellType.Count).ToArray();
        var n = 0;
        foreach (var r in zh.Skip(1))
        {
            n++;
            sheet.Add(cols.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => (object?)(money[x.i] ? Messy(r[x.i], n) : r[x.i])));
            if (n % 10 == 0)
            {
                sheet.Add(cols.ToDictionary(c => c, _ => (object?)null));
            }
        }
        MiniExcel.SaveAs(path, sheet, printHeader: false, overwriteFile: true);
        return path;
    }

    private static string Messy(string value, int row)
    {
        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, Inv, out var d))
        {
            return value;
        }
        var text = d >= 1000 ? d.ToString("#,0.##########", Inv) : value;
        // Full-width digits and point, as typed with a Chinese input method.
        return row % 3 == 0 ? new string([.. text.Select(c => c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c == '.' ? '．' : c)]) : text + " ";
    }
}
