using System.Globalization;
using Microsoft.Extensions.Localization;
using RdInvest.Indicators;
using RdInvest.Targets;

namespace RdInvest.Web.Pages;

/// <summary>
/// The one formatter of figures on the pages: 亿元 with 2 decimals for divisions, 万元 for units, percent with the
/// plan's 2 decimals, growth with ▲/▼ and sign, dates as 2023年12月31日 in Chinese. Missing values print "—".
/// Unit words come from the page resources, so English pages say "100m yuan".
/// </summary>
public sealed class Format(CultureInfo culture, IStringLocalizer<SharedResource> text)
{
    public const string Missing = "—";

    public CultureInfo Culture => culture;

    private string N2(decimal v) => v.ToString("#,0.00", culture);

    /// <summary>Yuan as 亿元 (100 million yuan), 2 decimals, with the unit.</summary>
    public string Yi(decimal? yuan) => yuan is { } y ? $"{N2(y / 100_000_000m)} {text["Unit.Yi"]}" : Missing;

    /// <summary>Yuan as 亿元 without the unit (table cells whose header carries it).</summary>
    public string YiNumber(decimal? yuan) => yuan is { } y ? N2(y / 100_000_000m) : Missing;

    /// <summary>Yuan as 万元 (10 thousand yuan), 2 decimals, with the unit: a unit's figures.</summary>
    public string Wan(decimal? yuan) => yuan is { } y ? $"{N2(y / 10_000m)} {text["Unit.Wan"]}" : Missing;

    /// <summary>Full yuan with thousands separators (rule explanations, payment lists).</summary>
    public string Yuan(decimal? yuan) => yuan is { } y ? $"{y.ToString("#,0.00", culture)} {text["Unit.Yuan"]}" : Missing;

    public string Percent(decimal? p) => p is { } v ? N2(v) + "%" : Missing;

    /// <summary>Growth in percent: ▲ +12.30% or ▼ -18.00%.</summary>
    public string Growth(decimal? p) => p switch
    {
        null => Missing,
        > 0 => "▲ +" + N2(p.Value) + "%",
        < 0 => "▼ " + N2(p.Value) + "%",
        _ => "0.00%",
    };

    public string Count(decimal? n) => n is { } v ? $"{v.ToString("#,0", culture)}{text["Unit.Count"]}" : Missing;

    /// <summary>A value in its indicator unit (yuan as 亿元, percent, count).</summary>
    public string Value(decimal? v, string unit) => unit switch
    {
        IndicatorUnits.Yuan => Yi(v),
        IndicatorUnits.Percent => Percent(v),
        IndicatorUnits.Count => Count(v),
        _ => v?.ToString("#,0.##", culture) ?? Missing,
    };

    /// <summary>2023年12月31日 in Chinese, 31 Dec 2023 in English.</summary>
    public string Date(DateTime? d) => d is { } x
        ? culture.TwoLetterISOLanguageName == "zh" ? x.ToString("yyyy年M月d日", culture) : x.ToString("d MMM yyyy", culture)
        : Missing;

    /// <summary>The CSS class of a target status (one colour per meaning: table, card, legend, chart).</summary>
    public static string StatusClass(string? status) => status switch
    {
        TargetStatus.Achieved => "status-achieved",
        TargetStatus.OnTrack => "status-on-track",
        TargetStatus.AtRisk => "status-at-risk",
        TargetStatus.Behind => "status-behind",
        _ => "status-no-data",
    };

    /// <summary>The colour of a target status, for charts and the map legend (same as the CSS classes).</summary>
    public static string StatusColour(string? status) => status switch
    {
        TargetStatus.Achieved => "#2fb344",
        TargetStatus.OnTrack => "#206bc4",
        TargetStatus.AtRisk => "#f76707",
        TargetStatus.Behind => "#d63939",
        _ => "#9aa0ac",
    };

    public string StatusText(string? status) => text["Status." + (status ?? TargetStatus.NoData)];
}
