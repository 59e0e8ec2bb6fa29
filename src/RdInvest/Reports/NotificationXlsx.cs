using RdInvest.Common;
using RdInvest.Targets;

namespace RdInvest.Reports;

/// <summary>The notification's tables, one sheet each (MiniExcel via <see cref="TableWriter.WriteSheets"/>); money in yuan, rates in percent.</summary>
public static class NotificationXlsx
{
    public const string TargetsSheet = "目标进展 targets";
    public const string LeaguesSheet = "盟市 leagues";
    public const string AssessmentSheet = "考核 assessment";
    public const string ParksSheet = "园区 parks";
    public const string NotesSheet = "说明 notes";

    public static void Write(string path, NotificationData d, long? id, string status)
    {
        var targets = d.Region.Targets.Select(t => Row(
            ("id", t.Id), ("clause", t.Clause), ("title_zh", t.TitleZh), ("indicator", t.Indicator), ("unit", t.Unit),
            ("base_year", t.BaseYear), ("base_value", t.BaseValue), ("target_value", t.TargetValue), ("target_end_value", t.TargetEndValue),
            ("actual", t.Actual), ("expected", t.Expected), ("realised_cagr", t.RealisedCagr), ("required_growth", t.RequiredGrowth),
            ("progress_ratio", t.ProgressRatio), ("status", t.Status), ("status_zh", TargetStatus.Zh(t.Status)), ("reason", t.Reason)));
        var leagues = d.Leagues.Select(l => Row(
            ("division", l.Division), ("name", l.Name), ("rd_total", l.RdTotal), ("rd_growth", l.RdGrowth), ("rd_intensity", l.Intensity),
            ("target_2025", l.Target2025), ("target_share", l.TargetShare), ("required_growth", l.RequiredGrowth),
            ("score", l.Score), ("rank", l.Rank), ("grade", l.Grade), ("provenance", l.RdProvenance)));
        var assessment = d.Assessment.Results.SelectMany(r => r.Criteria.Select(c => Row(
            ("division", r.Division), ("name", r.Name), ("criterion", c.Id), ("title_zh", c.TitleZh), ("value", c.Value), ("points", c.Points),
            ("max_points", c.MaxPoints), ("source", c.Source), ("flag", c.Flag), ("total", r.Total), ("rank", r.Rank), ("grade", r.Grade))));
        var parks = d.Parks.Parks.Select(p => Row(
            ("id", p.ParkId), ("name", p.Name), ("category", p.Category), ("category_zh", p.CategoryZh), ("league_city", p.LeagueCityName),
            ("rd_total", p.RdTotalYuan), ("gdp", p.GdpYuan), ("rd_institutions", p.RdInstitutions), ("hte_count", p.HteCount),
            ("invention_patents", p.InventionPatents), ("park_rd_intensity", p.Intensity), ("floor", p.Floor), ("met", p.Met),
            ("score", p.Index.Score), ("rank", p.Index.Rank), ("category_rank", p.Index.CategoryRank), ("rank_min", p.Index.RankMin),
            ("rank_max", p.Index.RankMax), ("synthetic", p.IsSynthetic)));
        var n = d.Notes;
        var notes = new[]
        {
            Row(("key", "notification_id"), ("value", id?.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            Row(("key", "status"), ("value", status)),
            Row(("key", "year"), ("value", d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            Row(("key", "plan"), ("value", $"{d.PlanId} {d.PlanTitle}（{d.DocumentNumber}）")),
            Row(("key", "data_as_of_utc"), ("value", n.AsOf?.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))),
            Row(("key", "reported_figures"), ("value", n.ReportedFigures.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            Row(("key", "derived_figures"), ("value", n.DerivedFigures.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            Row(("key", "synthetic_records"), ("value", n.SyntheticRecords.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            Row(("key", "synthetic_parks"), ("value", n.SyntheticParks.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            Row(("key", "fingerprint_sha256"), ("value", n.Fingerprint)),
            Row(("key", "method_zh"), ("value", NotificationHtml.MethodZh)),
            Row(("key", "method_en"), ("value", NotificationHtml.MethodEn)),
        }.Concat(d.Region.Notes.SelectMany(x => new[] { Row(("key", "plan_note_zh"), ("value", x.Zh)), Row(("key", "plan_note_en"), ("value", x.En)) })).ToArray();
        TableWriter.WriteSheets(path,
        [
            (TargetsSheet, targets), (LeaguesSheet, leagues), (AssessmentSheet, assessment), (ParksSheet, parks), (NotesSheet, notes),
        ]);
    }

    private static IReadOnlyDictionary<string, object?> Row(params (string Key, object? Value)[] cells) =>
        cells.ToDictionary(c => c.Key, c => c.Value);
}
