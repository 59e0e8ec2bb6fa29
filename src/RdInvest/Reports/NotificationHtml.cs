using System.Globalization;
using System.Net;
using System.Text;
using RdInvest.Targets;

namespace RdInvest.Reports;

/// <summary>
/// The notification as one self-contained HTML page (inline SVG charts, print CSS for A4 portrait). Chinese first,
/// English beside. Pure: data and SVG strings in, text out.
/// </summary>
public static class NotificationHtml
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(NotificationData d, IReadOnlyDictionary<string, string> svgs, string status, long? id, DateTime generatedAtUtc)
    {
        var h = new StringBuilder();
        var title = $"{d.Year}年度研发投入攻坚行动目标完成情况通报";
        h.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">");
        h.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title>");
        h.Append("<style>").Append(Css).Append("</style></head><body>\n");
        if (status != "released")
        {
            h.Append("<div class=\"draft\">草稿 DRAFT — 未发布 / not released</div>\n");
        }
        h.Append(Inv, $"<h1>{E(title)}</h1><p class=\"sub\">Annual notification of target completion, {d.Year} — {E(d.PlanTitle)}（{E(d.DocumentNumber)}）</p>\n");
        h.Append(Inv, $"<p class=\"meta\">编号 No. {(id?.ToString(Inv) ?? "—")} · 状态 status: {(status == "released" ? "已发布 released" : "草稿 draft")} · 生成时间 generated {generatedAtUtc:yyyy-MM-dd HH:mm} UTC · 依据 三(三)</p>\n");

        // 1. Region progress
        h.Append("<h2>一、全区目标进展 / Region progress on every target</h2>\n<table><thead><tr>")
            .Append("<th>目标<br>target</th><th>条款<br>clause</th><th>内容 / title</th><th>实际<br>actual</th><th>预期<br>expected</th><th>目标值<br>target</th>")
            .Append("<th>年均增速<br>CAGR</th><th>尚需增速<br>required</th><th>状态<br>status</th></tr></thead><tbody>\n");
        foreach (var t in d.Region.Targets)
        {
            h.Append(Inv, $"<tr class=\"{t.Status}\"><td>{E(t.Id)}</td><td>{E(t.Clause)}</td><td class=\"l\">{E(t.TitleZh)}{(t.Reason is null ? "" : $"<div class=\"reason\">{E(t.Reason)}</div>")}</td>")
                .Append(Inv, $"<td>{Val(t.Actual, t.Unit)}</td><td>{Val(t.Expected, t.Unit)}</td><td>{Val(t.TargetEndValue, t.Unit)}</td>")
                .Append(Inv, $"<td>{Pct(t.RealisedCagr)}</td><td>{Pct(t.RequiredGrowth)}</td><td>{E(TargetStatus.Zh(t.Status))}<br><span class=\"en\">{E(t.Status)}</span></td></tr>\n");
        }
        h.Append("</tbody></table>\n<p class=\"note\">").Append(E(MethodZh)).Append(' ').Append(E(MethodEn)).Append("</p>\n");
        foreach (var (zh, en) in d.Region.Notes)
        {
            h.Append("<p class=\"note warn\">注：").Append(E(zh)).Append(" Note: ").Append(E(en)).Append("</p>\n");
        }
        for (var i = 0; i < d.Trajectories.Count; i++)
        {
            h.Append("<div class=\"chart\">").Append(svgs.GetValueOrDefault($"trajectory{i}") ?? "").Append("</div>\n");
        }

        // 2. Leagues/cities
        h.Append("<h2 class=\"pb\">二、各盟市情况 / Leagues and cities</h2>\n<table><thead><tr>")
            .Append("<th>盟市<br>league/city</th><th>R&amp;D经费<br>R&amp;D (亿元)</th><th>增速<br>growth</th><th>强度<br>intensity</th>")
            .Append(Inv, $"<th>{d.EndYear}年目标<br>target</th><th>完成比例<br>share</th><th>尚需增速<br>required</th><th>考核得分<br>score</th><th>排名<br>rank</th><th>等级<br>grade</th><th>来源<br>source</th></tr></thead><tbody>\n");
        foreach (var l in d.Leagues.OrderBy(l => l.Rank ?? int.MaxValue).ThenBy(l => l.Division, StringComparer.Ordinal))
        {
            h.Append(Inv, $"<tr><td class=\"l\">{E(l.Name)}</td><td>{Yi(l.RdTotal)}</td><td>{Pct(l.RdGrowth)}</td><td>{Pct(l.Intensity)}</td>")
                .Append(Inv, $"<td>{Yi(l.Target2025)}</td><td>{Pct(l.TargetShare)}</td><td>{Pct(l.RequiredGrowth)}</td>")
                .Append(Inv, $"<td>{Num(l.Score)}</td><td>{l.Rank?.ToString(Inv) ?? "—"}</td><td>{E(l.Grade ?? "—")}</td><td>{Prov(l.RdProvenance)}</td></tr>\n");
        }
        h.Append(Inv, $"</tbody></table>\n<p class=\"note\">{d.EndYear}年目标：T2 按{d.BaseYear}年各盟市占全区比重分解；完成比例 = 实际 / 分解目标。 Target: T2 split by base-year share; share = actual / that target.</p>\n");

        // Assessment detail
        h.Append(Inv, $"<h3>考核评价明细 / Assessment detail（{E(d.Assessment.Clause)}）</h3>\n<table><thead><tr><th>排名<br>rank</th><th>盟市<br>league/city</th>");
        foreach (var c in d.Assessment.Criteria)
        {
            h.Append(Inv, $"<th>{E(c.TitleZh)}<br><span class=\"en\">{E(c.Id)} ({c.MaxPoints.ToString("0.##", Inv)})</span></th>");
        }
        h.Append("<th>总分<br>total</th><th>等级<br>grade</th></tr></thead><tbody>\n");
        foreach (var r in d.Assessment.Results)
        {
            h.Append(Inv, $"<tr><td>{r.Rank}</td><td class=\"l\">{E(r.Name)}</td>");
            foreach (var c in r.Criteria)
            {
                h.Append(Inv, $"<td>{c.Points.ToString("0.00", Inv)}<div class=\"reason\">{(c.Flag is null ? Num(c.Value) : "⚠ " + E(c.Flag))}</div></td>");
            }
            h.Append(Inv, $"<td><b>{r.Total.ToString("0.00", Inv)}</b></td><td>{E(r.Grade)}</td></tr>\n");
        }
        h.Append("</tbody></table>\n<p class=\"note\">每格：得分，下方为指标值（%）；⚠ no_data 表示无数据计 0 分。 Each cell: points, the indicator value below; no_data scores 0.</p>\n");
        h.Append("<div class=\"chart\">").Append(svgs.GetValueOrDefault("ranking") ?? "").Append("</div>\n");
        h.Append("<div class=\"chart\">").Append(svgs.GetValueOrDefault("map") ?? "").Append("</div>\n");

        // 3. Parks
        h.Append(Inv, $"<h2 class=\"pb\">三、园区 / Parks（二(四)12、二(五)17）</h2>\n<h3>研发投入强度未达标园区 / Parks below their floor</h3>\n");
        var below = d.ParksBelowFloor.ToList();
        if (below.Count == 0)
        {
            h.Append("<p>无 / none</p>\n");
        }
        else
        {
            h.Append("<table><thead><tr><th>园区<br>park</th><th>类别<br>category</th><th>盟市<br>league/city</th><th>强度<br>intensity</th><th>下限<br>floor</th><th>差距<br>gap</th></tr></thead><tbody>\n");
            foreach (var p in below)
            {
                h.Append(Inv, $"<tr><td class=\"l\">{E(p.Name)}</td><td class=\"l\">{E(p.CategoryZh)}</td><td>{E(p.LeagueCityName)}</td><td>{Pct(p.Intensity)}</td><td>{Pct(p.Floor)}</td><td>{Pct(p.Intensity - p.Floor)}</td></tr>\n");
            }
            h.Append("</tbody></table>\n");
        }
        var weights = string.Join("，", d.Parks.Weights.Select(w => $"{w.Key} {(w.Value * 100).ToString("0.#", Inv)}%"));
        h.Append(Inv, $"<h3>园区评价排名 / Park ranking</h3>\n<p class=\"note\">标准化 normalisation: {E(d.Parks.Normalisation)}；权重 weights: {E(weights)}；排名区间为单一权重 ±{(d.Parks.SensitivityShift * 100).ToString("0", Inv)}% 及另一种标准化方法下的最高–最低排名 / rank range over single-weight ±{(d.Parks.SensitivityShift * 100).ToString("0", Inv)}% shifts and the other normalisation.</p>\n");
        h.Append("<table><thead><tr><th>排名<br>rank</th><th>区间<br>range</th><th>类内<br>in category</th><th>园区<br>park</th><th>类别<br>category</th><th>得分<br>score</th><th>R&amp;D (亿元)</th><th>研发机构<br>institutions</th><th>高企<br>HTE</th><th>发明专利<br>patents</th><th>强度/下限<br>intensity/floor</th></tr></thead><tbody>\n");
        foreach (var p in d.Parks.Parks)
        {
            h.Append(Inv, $"<tr class=\"{(p.Met == false ? "behind" : "")}\"><td>{p.Index.Rank?.ToString(Inv) ?? "—"}</td><td>{p.Index.RankMin?.ToString(Inv) ?? "—"}–{p.Index.RankMax?.ToString(Inv) ?? "—"}</td><td>{p.Index.CategoryRank?.ToString(Inv) ?? "—"}</td>")
                .Append(Inv, $"<td class=\"l\">{E(p.Name)}</td><td class=\"l\">{E(p.CategoryZh)}</td><td>{Num(p.Index.Score)}</td><td>{Yi(p.RdTotalYuan)}</td><td>{p.RdInstitutions?.ToString(Inv) ?? "—"}</td>")
                .Append(Inv, $"<td>{p.HteCount?.ToString(Inv) ?? "—"}</td><td>{p.InventionPatents?.ToString(Inv) ?? "—"}</td><td>{Pct(p.Intensity)} / {Pct(p.Floor)}</td></tr>\n");
        }
        h.Append("</tbody></table>\n");

        // 4. Data notes
        var n = d.Notes;
        h.Append("<h2>四、数据说明 / Data notes</h2>\n<ul class=\"notes\">");
        h.Append(Inv, $"<li>来源 / provenance：盟市表中公布数（统计公报）{n.ReportedFigures} 项，由统计单位汇总 {n.DerivedFigures} 项；公布数优先于汇总数。 Published figures: {n.ReportedFigures}; derived from units: {n.DerivedFigures}; published figures win.</li>");
        if (n.SyntheticRecords + n.SyntheticParks + n.SyntheticDivisionFigures > 0)
        {
            h.Append(Inv, $"<li class=\"warn\">含示例（合成）数据 / contains SYNTHETIC demo data：单位研发记录 {n.SyntheticRecords} 条、园区 {n.SyntheticParks} 个、区划数据 {n.SyntheticDivisionFigures} 条，名称标注“（示例）”。 Not official statistics.</li>");
        }
        h.Append(Inv, $"<li>数据截至 / data as of：{(n.AsOf is { } a ? a.ToString("yyyy-MM-dd HH:mm:ss", Inv) + " UTC" : "—")}</li>");
        if (n.Sources.Count > 0)
        {
            h.Append("<li>公布数来源 / published sources：").Append(E(string.Join("；", n.Sources))).Append("</li>");
        }
        h.Append(Inv, $"<li>指纹 / fingerprint（SHA-256：方案文本、参数与所用数据 / plan text, parameters and data used）：<code>{n.Fingerprint}</code></li>");
        h.Append("</ul>\n</body></html>\n");
        return h.ToString();
    }

    /// <summary>How expected values are computed, in the notification's own words (PDF and XLSX alike).</summary>
    public const string MethodZh =
        "金额单位：亿元；比率单位：%。预期值：以基年（方案基期）实际值为起点，增长目标按目标增长率逐年复利计算"
        + "（基年值 ×（1 + 年均增长率）^ 距基年年数）；规模目标按从基年值到目标年目标值的固定年均增长率计算；比重、数量目标按基年值到目标值的直线计算。"
        + "实际年均增长率 =（当年实际值 ÷ 基年值）^（1 ÷ 距基年年数）− 1；尚需年均增长率 =（目标值 ÷ 当年实际值）^（1 ÷ 距目标年年数）− 1。"
        + "实际值不低于预期值为进度正常。";

    /// <summary>The same in English.</summary>
    public const string MethodEn =
        "Money in 100 million yuan (亿元), rates in percent. Expected values start from the actual value of the plan's base year: a growth "
        + "target compounds its rate each year (base value × (1 + annual rate)^years since the base year); a level target grows at the one "
        + "constant annual rate that takes the base value to the target in the end year; shares and counts move in a straight line from the "
        + "base value to the target. Realised annual growth = (actual ÷ base value)^(1 ÷ years since the base year) − 1; required growth = "
        + "(target ÷ actual)^(1 ÷ years left) − 1. A target is on track when the actual is at least the expected value.";

    private const string Css = """
        @page { size: A4 portrait; margin: 14mm 12mm 14mm 12mm; }
        body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif; font-size: 9.5pt; color: #111; }
        h1 { font-size: 17pt; text-align: center; margin: 0 0 2mm 0; }
        h2 { font-size: 13pt; border-bottom: 1.5px solid #2f6fb5; padding-bottom: 1mm; margin-top: 6mm; }
        h3 { font-size: 11pt; margin: 4mm 0 2mm 0; }
        .sub, .meta { text-align: center; color: #444; margin: 0 0 1mm 0; }
        .draft { border: 2px solid #c0392b; color: #c0392b; text-align: center; font-weight: bold; padding: 1mm; margin-bottom: 3mm; }
        table { border-collapse: collapse; width: 100%; margin: 2mm 0; page-break-inside: auto; }
        tr { page-break-inside: avoid; }
        th, td { border: 1px solid #999; padding: 1mm 1.2mm; text-align: right; vertical-align: top; }
        th { background: #e8eef6; text-align: center; font-weight: bold; font-size: 8.5pt; }
        td.l { text-align: left; }
        tr.behind td { background: #fdecea; }
        tr.at_risk td { background: #fff6dd; }
        tr.achieved td, tr.on_track td { background: #eaf6ec; }
        .en { color: #555; font-size: 7.5pt; }
        .reason { color: #666; font-size: 7.5pt; }
        .note { color: #444; font-size: 8pt; }
        .chart { text-align: center; margin: 2mm 0; page-break-inside: avoid; }
        .chart svg { max-width: 100%; height: auto; }
        .pb { page-break-before: always; }
        .notes li { margin-bottom: 1mm; }
        .warn { color: #c0392b; font-weight: bold; }
        code { font-size: 8pt; word-break: break-all; }
        """;

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string Yi(decimal? yuan) => yuan is { } y ? (y / 100_000_000m).ToString("#,0.00", Inv) : "—";

    private static string Pct(decimal? p) => p is { } v ? v.ToString("0.00", Inv) + "%" : "—";

    private static string Num(decimal? v) => v is { } x ? x.ToString("0.00", Inv) : "—";

    private static string Prov(string? p) => p switch { "reported" => "公布 reported", "derived" => "汇总 derived", null => "—", _ => E(p) };

    private static string Val(decimal? v, string unit) => unit switch
    {
        "yuan" => Yi(v),
        "%" => Pct(v),
        _ => v is { } x ? x.ToString("#,0.##", Inv) : "—",
    };
}
