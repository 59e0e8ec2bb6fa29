using System.Globalization;
using System.Net;
using System.Text;

namespace RdInvest.Finance;

/// <summary>The evaluation table as a printable page (A4, Noto CJK), printed to PDF by the notification's route.</summary>
public static class FinanceEvaluationHtml
{
    public static string Render(FinanceEvaluationResult r)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
            .Append(inv, $"{r.Year}年度金融机构支持科技创新专项考评").Append("</title><style>")
            .Append("@page{size:A4 portrait;margin:18mm}body{font-family:'Noto Sans CJK SC','Noto Sans CJK',sans-serif;font-size:11pt}")
            .Append("h1{font-size:16pt;text-align:center}table{border-collapse:collapse;width:100%}th,td{border:1px solid #444;padding:4px 6px}")
            .Append("td.n{text-align:right}p.note{font-size:9pt;color:#333}</style></head><body>")
            .Append(inv, $"<h1>{r.Year}年度金融机构支持科技创新专项考评结果</h1>")
            .Append(inv, $"<p>依据：内政办发〔2021〕35号 {E(r.Clause)}（对金融支持科技创新情况进行专项统计、专项考评）。方案 {E(r.Plan)}。</p>")
            .Append("<table><thead><tr><th>名次 Rank</th><th>机构 Institution</th><th>统一社会信用代码 Code</th><th>得分 Score</th><th>贡献突出 Outstanding</th></tr></thead><tbody>");
        foreach (var x in r.Results)
        {
            sb.Append(inv, $"<tr><td class=\"n\">{x.Rank}</td><td>{E(x.Name)}</td><td>{E(x.Code)}</td><td class=\"n\">{x.Score.ToString("0.00", inv)}</td><td>{(x.Outstanding ? "贡献突出" : "")}</td></tr>");
        }
        sb.Append("</tbody></table><p class=\"note\">")
            .Append(E($"权重 weights: {string.Join("，", r.Weights.Select(w => $"{w.Key} {w.Value.ToString("0.###", inv)}"))}；前 {r.TopN} 名列为贡献突出"))
            .Append(r.DefaultParameters ? E("（默认值，由主管部门确定 / default, set by the administering department）") : "")
            .Append("。指标经最小-最大标准化后加权，满分 100；得分相同者名次并列。</p></body></html>");
        return sb.ToString();
    }
}
