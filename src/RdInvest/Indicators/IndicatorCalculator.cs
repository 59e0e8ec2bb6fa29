using RdInvest.Common;

namespace RdInvest.Indicators;

/// <summary>
/// One indicator value: <see cref="Value"/> in <see cref="Unit"/> (yuan, % or count), or null with a reason.
/// Money is exact yuan; percentages are percent (10.2 = 10.2 %), rounded to 4 decimals.
/// </summary>
public sealed record IndicatorValue(decimal? Value, string Unit, string? Provenance, int? Units, int? Divisions, string? Reason, string? ReasonZh)
{
    public static IndicatorValue Missing(string unit, Reason reason) => new(null, unit, null, null, null, reason.En, reason.Zh);
}

public sealed record Reason(string En, string Zh)
{
    public static readonly Reason NoData = new("no data", "无数据");
    public static readonly Reason NoPreviousYear = new("no data for the previous year", "上年无数据");
    public static readonly Reason NoGdp = new("division without GDP", "无地区生产总值数据");
    public static readonly Reason ZeroDenominator = new("zero denominator", "分母为零");
    public static readonly Reason NoGovStSpending = new("no government S&T spending reported", "无财政科学技术支出数据");
    public static readonly Reason NoReserveReported = new("no above-scale industrial enterprise reported the R&D-reserve flag", "无规上工业企业填报研发准备金制度");
}

public static class IndicatorUnits
{
    public const string Yuan = "yuan";
    public const string Percent = "%";
    public const string Count = "count";
}

/// <summary>
/// The indicators for one division and year, computed from the rolled-up measures of that year and
/// the year before. Pure: the database work happens in <see cref="MeasureLoader"/>.
/// </summary>
public static class IndicatorCalculator
{
    /// <summary>Every indicator key, in display order, with its unit and Chinese and English labels.</summary>
    public static readonly IReadOnlyList<(string Key, string Unit, string Zh, string En)> Keys =
    [
        ("rd_total", IndicatorUnits.Yuan, "全社会R&D经费", "Total intramural R&D expenditure"),
        ("rd_growth", IndicatorUnits.Percent, "R&D经费增速", "R&D expenditure growth"),
        ("rd_intensity", IndicatorUnits.Percent, "R&D经费投入强度", "R&D intensity (% of GDP)"),
        ("rd_gov_funds", IndicatorUnits.Yuan, "R&D经费中政府资金", "Government funds within R&D"),
        ("rd_gov_funds_growth", IndicatorUnits.Percent, "政府资金增速", "Government funds growth"),
        ("rd_enterprise", IndicatorUnits.Yuan, "企业R&D经费", "R&D of enterprises"),
        ("rd_institute", IndicatorUnits.Yuan, "政府属研究机构R&D经费", "R&D of research institutes"),
        ("rd_university", IndicatorUnits.Yuan, "高等学校R&D经费", "R&D of universities"),
        ("rd_basic_share", IndicatorUnits.Percent, "基础研究占比", "Basic research share"),
        ("hei_rd", IndicatorUnits.Yuan, "高校和科研院所R&D经费", "R&D of universities and institutes"),
        ("hei_rd_growth", IndicatorUnits.Percent, "高校和科研院所R&D经费增速", "Growth of university and institute R&D"),
        ("hte_count", IndicatorUnits.Count, "高新技术企业数", "High-tech enterprises"),
        ("tsme_count", IndicatorUnits.Count, "科技型中小企业数", "Technology-based SMEs"),
        ("hte_tsme_growth", IndicatorUnits.Percent, "高新技术企业和科技型中小企业数增速", "Growth of high-tech enterprises and tech SMEs"),
        ("above_scale_rd_active_share", IndicatorUnits.Percent, "规上工业企业有R&D活动占比", "Above-scale industrial enterprises with R&D"),
        ("above_scale_rd_institution_share", IndicatorUnits.Percent, "规上工业企业建有研发机构占比", "Above-scale industrial enterprises with an R&D institution"),
        ("above_scale_platform_share", IndicatorUnits.Percent, "规上工业企业自治区级创新平台覆盖率", "Above-scale industrial enterprises with a region-level platform"),
        ("leading_industry_platform_share", IndicatorUnits.Percent, "主导产业、优势特色产业规上工业企业自治区级及以上创新平台覆盖率",
            "Above-scale industrial enterprises of the leading and featured industries hosting a region-level or higher platform"),
        ("enterprise_rd_revenue_ratio", IndicatorUnits.Percent, "企业R&D经费占营业收入比重", "Enterprise R&D / operating revenue"),
        ("major_project_enterprise_share", IndicatorUnits.Percent, "企业承担重大专项比例", "Major S&T projects led by enterprises"),
        ("gdp", IndicatorUnits.Yuan, "地区生产总值", "GDP"),
        ("gov_st_spending", IndicatorUnits.Yuan, "财政科学技术支出", "Fiscal S&T expenditure"),
        ("gov_st_rd_share", IndicatorUnits.Percent, "财政科技支出用于研发的比重", "Government R&D funds / fiscal S&T expenditure"),
        ("above_scale_rd_reserve_share", IndicatorUnits.Percent, "规上工业企业建立研发准备金制度占比", "Above-scale industrial enterprises with an R&D reserve"),
        ("projects_competitive", IndicatorUnits.Count, "重大专项：竞争立项", "Major projects: competitive calls"),
        ("projects_directed", IndicatorUnits.Count, "重大专项：定向委托", "Major projects: directed commissions"),
        ("projects_open_call", IndicatorUnits.Count, "重大专项：揭榜挂帅", "Major projects: open calls (揭榜挂帅)"),
        ("projects_other", IndicatorUnits.Count, "重大专项：其他方式", "Major projects: other modes"),
        ("projects_mode_unstated", IndicatorUnits.Count, "重大专项：未填立项方式", "Major projects: mode not stated"),
    ];

    public static IReadOnlyDictionary<string, IndicatorValue> Compute(string division, Rollup year, Rollup? previous)
    {
        var r = new Dictionary<string, IndicatorValue>(StringComparer.Ordinal);
        RolledValue? Cur(string m) => year.Value(division, m);
        RolledValue? Prev(string m) => previous?.Value(division, m);

        r["rd_total"] = Money(Cur(Measure.RdTotal));
        r["rd_growth"] = Growth(Cur(Measure.RdTotal), Prev(Measure.RdTotal));
        r["rd_intensity"] = Intensity(Cur(Measure.RdTotal), Cur(Measure.Gdp), year.InputsOf(division).ReportedIntensity);
        r["rd_gov_funds"] = Money(Cur(Measure.GovFunds));
        r["rd_gov_funds_growth"] = Growth(Cur(Measure.GovFunds), Prev(Measure.GovFunds));
        r["rd_enterprise"] = Money(Cur(Measure.RdEnterprise));
        r["rd_institute"] = Money(Cur(Measure.RdInstitute));
        r["rd_university"] = Money(Cur(Measure.RdUniversity));
        r["rd_basic_share"] = Ratio(Cur(Measure.Basic), Cur(Measure.RdTotal));
        var hei = Add(Cur(Measure.RdInstitute), Cur(Measure.RdUniversity));
        r["hei_rd"] = Money(hei);
        r["hei_rd_growth"] = Growth(hei, Add(Prev(Measure.RdInstitute), Prev(Measure.RdUniversity)));
        r["hte_count"] = Count(Cur(Measure.HteCount));
        r["tsme_count"] = Count(Cur(Measure.TsmeCount));
        r["hte_tsme_growth"] = Growth(Add(Cur(Measure.HteCount), Cur(Measure.TsmeCount)), Add(Prev(Measure.HteCount), Prev(Measure.TsmeCount)));
        r["above_scale_rd_active_share"] = Ratio(Cur(Measure.AboveScaleActive), Cur(Measure.AboveScaleUnits));
        r["above_scale_rd_institution_share"] = Ratio(Cur(Measure.AboveScaleInstitution), Cur(Measure.AboveScaleUnits));
        r["above_scale_platform_share"] = Ratio(Cur(Measure.AboveScalePlatform), Cur(Measure.AboveScaleUnits));
        r["leading_industry_platform_share"] = Ratio(Cur(Measure.LeadingPlatform), Cur(Measure.LeadingUnits));
        r["enterprise_rd_revenue_ratio"] = Ratio(Cur(Measure.AboveScaleRd), Cur(Measure.AboveScaleRevenue));
        r["major_project_enterprise_share"] = Ratio(Cur(Measure.ProjectsEnterprise), Cur(Measure.Projects));
        r["gdp"] = Money(Cur(Measure.Gdp));
        r["gov_st_spending"] = Money(Cur(Measure.GovStSpending));
        // 二(一)2: the share of government S&T spending that goes to R&D.
        r["gov_st_rd_share"] = Cur(Measure.GovStSpending) is null
            ? IndicatorValue.Missing(IndicatorUnits.Percent, Reason.NoGovStSpending)
            : Ratio(Cur(Measure.GovFunds), Cur(Measure.GovStSpending));
        // 二(二)6: over the above-scale industrial enterprises that reported the flag.
        r["above_scale_rd_reserve_share"] = Cur(Measure.AboveScaleReserveReported) is null
            ? IndicatorValue.Missing(IndicatorUnits.Percent, Reason.NoReserveReported)
            : Ratio(Cur(Measure.AboveScaleReserve), Cur(Measure.AboveScaleReserveReported));
        // 二(一)3: major projects by mode (counted where projects exist; T5 is unchanged).
        foreach (var (key, measure) in new[]
                 {
                     ("projects_competitive", Measure.ProjectsCompetitive), ("projects_directed", Measure.ProjectsDirected),
                     ("projects_open_call", Measure.ProjectsOpenCall), ("projects_other", Measure.ProjectsOther),
                     ("projects_mode_unstated", Measure.ProjectsModeUnstated),
                 })
        {
            r[key] = Count(Cur(measure));
        }
        return r;
    }

    public static decimal RoundPercent(decimal p) => decimal.Round(p, 4, MidpointRounding.AwayFromZero);

    private static IndicatorValue From(decimal value, string unit, Provenance p) =>
        new(value, unit, p.Kind, p.IsReported ? null : p.Units, p.IsReported ? null : p.Divisions, null, null);

    private static IndicatorValue Money(RolledValue? v) =>
        v is null ? IndicatorValue.Missing(IndicatorUnits.Yuan, Reason.NoData) : From(Common.Money.ToYuan(v.Value), IndicatorUnits.Yuan, v.Provenance);

    private static IndicatorValue Count(RolledValue? v) =>
        v is null ? IndicatorValue.Missing(IndicatorUnits.Count, Reason.NoData) : From(v.Value, IndicatorUnits.Count, v.Provenance);

    private static RolledValue? Add(RolledValue? a, RolledValue? b) =>
        a is null || b is null ? null : new RolledValue(checked(a.Value + b.Value), Combine(a.Provenance, b.Provenance));

    /// <summary>A value computed from others is reported only when all its inputs are.</summary>
    private static Provenance Combine(Provenance a, Provenance b) =>
        a.IsReported && b.IsReported ? Provenance.Reported
            : new Provenance(Provenance.DerivedKind, Math.Max(a.Units, b.Units), Math.Max(a.Divisions, b.Divisions));

    private static IndicatorValue Ratio(RolledValue? num, RolledValue? den)
    {
        if (num is null || den is null)
        {
            return IndicatorValue.Missing(IndicatorUnits.Percent, Reason.NoData);
        }
        if (den.Value == 0)
        {
            return IndicatorValue.Missing(IndicatorUnits.Percent, Reason.ZeroDenominator);
        }
        return From(RoundPercent(100m * num.Value / den.Value), IndicatorUnits.Percent, Combine(num.Provenance, den.Provenance));
    }

    private static IndicatorValue Growth(RolledValue? cur, RolledValue? prev)
    {
        if (cur is null)
        {
            return IndicatorValue.Missing(IndicatorUnits.Percent, Reason.NoData);
        }
        if (prev is null)
        {
            return IndicatorValue.Missing(IndicatorUnits.Percent, Reason.NoPreviousYear);
        }
        if (prev.Value == 0)
        {
            return IndicatorValue.Missing(IndicatorUnits.Percent, Reason.ZeroDenominator);
        }
        return From(RoundPercent(100m * ((decimal)cur.Value / prev.Value - 1m)), IndicatorUnits.Percent, Combine(cur.Provenance, prev.Provenance));
    }

    /// <summary>rd_intensity = rd_total / GDP where both are known, else the reported intensity.</summary>
    private static IndicatorValue Intensity(RolledValue? rd, RolledValue? gdp, decimal? reported)
    {
        if (rd is not null && gdp is not null && gdp.Value != 0)
        {
            return From(RoundPercent(100m * rd.Value / gdp.Value), IndicatorUnits.Percent, Combine(rd.Provenance, gdp.Provenance));
        }
        if (reported is { } i)
        {
            return From(i, IndicatorUnits.Percent, Provenance.Reported);
        }
        return IndicatorValue.Missing(IndicatorUnits.Percent, rd is null ? Reason.NoData : Reason.NoGdp);
    }
}
