using System.Globalization;

namespace RdInvest.Importing;

public enum Severity
{
    Error,
    Warning,
}

/// <summary>A validation rule: a stable id (used in reports, tests and docs/data-contract.md) and its messages.</summary>
/// <remarks>Messages are composite formats: {0} is the column's label, {1} the value, {2}… rule-specific.</remarks>
public sealed record ImportRule(string Id, Severity Severity, string MessageZh, string MessageEn)
{
    public ImportFinding At(string file, int row, string? column, string? value, params object?[] args)
    {
        var all = new object?[args.Length + 2];
        all[0] = column;
        all[1] = value;
        args.CopyTo(all, 2);
        return new ImportFinding(Severity, Id, file, row, column, value,
            string.Format(CultureInfo.InvariantCulture, MessageZh, all),
            string.Format(CultureInfo.InvariantCulture, MessageEn, all));
    }
}

/// <summary>
/// Every rule an import applies. The ids are a contract: reports, the web UI and tests refer to them, and
/// docs/data-contract.md lists them (generated from this table by <c>DataContract</c>).
/// </summary>
public static class ImportRules
{
    public static readonly ImportRule UnreadableFile = new("unreadable-file", Severity.Error,
        "无法读取文件：{2}", "cannot read the file: {2}");
    public static readonly ImportRule NoHeader = new("no-header", Severity.Error,
        "未找到表头行（前 {2} 行中没有可识别的列名）", "no header row found (no known column name in the first {2} rows)");
    public static readonly ImportRule UnknownColumn = new("unknown-column", Severity.Error,
        "未知列“{0}”（可用 --ignore-unknown 忽略）", "unknown column '{0}' (use --ignore-unknown to skip it)");
    public static readonly ImportRule DuplicateColumn = new("duplicate-column", Severity.Error,
        "列“{0}”重复出现", "column '{0}' appears more than once");
    public static readonly ImportRule MissingColumn = new("missing-column", Severity.Error,
        "缺少必填列“{0}”", "required column '{0}' is missing");
    public static readonly ImportRule UnitMismatch = new("unit-mismatch", Severity.Error,
        "列“{0}”的单位为{2}，与导入单位{3}不一致", "column '{0}' is in {2} but the import unit is {3}");
    public static readonly ImportRule MissingValue = new("missing-value", Severity.Error,
        "“{0}”必须填写", "'{0}' is required");
    public static readonly ImportRule InvalidNumber = new("invalid-number", Severity.Error,
        "“{0}”的值“{1}”不是有效数字", "'{0}': '{1}' is not a number");
    public static readonly ImportRule InvalidInteger = new("invalid-integer", Severity.Error,
        "“{0}”的值“{1}”应为整数", "'{0}': '{1}' is not a whole number");
    public static readonly ImportRule InvalidDate = new("invalid-date", Severity.Error,
        "“{0}”的值“{1}”不是有效日期（如 2023-01-05、2023/1/5、2023年1月5日）",
        "'{0}': '{1}' is not a date (e.g. 2023-01-05, 2023/1/5, 2023年1月5日)");
    public static readonly ImportRule InvalidBoolean = new("invalid-boolean", Severity.Error,
        "“{0}”的值“{1}”应为 是/否、1/0、Y/N 或 true/false", "'{0}': '{1}' is not yes/no (是/否, 1/0, Y/N, true/false)");
    public static readonly ImportRule InvalidChoice = new("invalid-choice", Severity.Error,
        "“{0}”的值“{1}”不在允许范围内：{2}", "'{0}': '{1}' is not one of: {2}");
    public static readonly ImportRule InvalidCode = new("invalid-code", Severity.Error,
        "“{0}”的值“{1}”格式不正确：{2}", "'{0}': '{1}' is malformed: {3}");
    public static readonly ImportRule TextTooLong = new("text-too-long", Severity.Error,
        "“{0}”超过 {2} 个字符", "'{0}' is longer than {2} characters");
    public static readonly ImportRule NegativeAmount = new("negative-amount", Severity.Error,
        "“{0}”不能为负数：{1}", "'{0}' cannot be negative: {1}");
    public static readonly ImportRule InvalidCreditCode = new("invalid-credit-code", Severity.Error,
        "统一社会信用代码“{1}”无效：{2}", "credit code '{1}' is invalid: {3}");
    public static readonly ImportRule UnknownDivision = new("unknown-division", Severity.Error,
        "行政区划代码“{1}”不存在", "division code '{1}' does not exist");
    public static readonly ImportRule UnknownPark = new("unknown-park", Severity.Error,
        "园区“{1}”不存在（请先导入园区）", "park '{1}' does not exist (import parks first)");
    public static readonly ImportRule UnknownPayment = new("unknown-payment", Severity.Error,
        "奖补发放记录“{1}”不存在（见 rdinvest payments list）", "incentive payment '{1}' does not exist (see `rdinvest payments list`)");
    public static readonly ImportRule OutsidePark = new("outside-park", Severity.Error,
        "“{0}”的值“{1}”属于园区 {2}，不是您管理的园区 {3}", "'{0}': '{1}' belongs to park {2}, not to your park {3}");
    public static readonly ImportRule OutsideInstitution = new("outside-institution", Severity.Error,
        "“{0}”的值“{1}”属于机构 {2}，不是您的机构 {3} 或其分支机构", "'{0}': '{1}' belongs to institution {2}, not to your institution {3} or its branches");
    public static readonly ImportRule UnknownUnit = new("unknown-unit", Severity.Error,
        "统计单位“{1}”不存在（请先导入单位）", "reporting unit '{1}' does not exist (import units first)");
    public static readonly ImportRule UnknownPlatform = new("unknown-platform", Severity.Error,
        "创新平台“{1}”不存在（请先导入创新平台）", "platform '{1}' does not exist (import platforms first)");
    public static readonly ImportRule DuplicateKey = new("duplicate-key", Severity.Error,
        "与第 {2} 行重复（{3}）", "duplicates row {2} ({3})");
    public static readonly ImportRule SplitMismatch = new("split-mismatch", Severity.Error,
        "{2}之和 {3} 与“{0}” {1} 不符（允许误差 0.5% 或 0.01）",
        "the sum of {4}, {3}, does not match '{0}' {1} (tolerance 0.5 % or 0.01)");
    public static readonly ImportRule YearOutOfRange = new("year-out-of-range", Severity.Error,
        "年份 {1} 超出范围 {3}–{2}", "year {1} is outside {3}–{2}");
    public static readonly ImportRule InvalidCharacter = new("invalid-character", Severity.Error,
        "“{0}”含有不允许的字符 {2}（第 {3} 个字符：控制字符或双向文本控制符）",
        "'{0}' contains the character {2} (position {3}), a control or bidirectional-override character that is not allowed");
    public static readonly ImportRule AboveMaximum = new("above-maximum", Severity.Error,
        "“{0}”的值 {1} 超过上限 {2}", "'{0}': {1} is above the maximum {2}");
    public static readonly ImportRule TooPrecise = new("too-precise", Severity.Error,
        "“{0}”的值 {1} 精度过高：最小单位为 {2}（不做舍入）", "'{0}': {1} is more precise than the smallest step {2} (values are not rounded)");
    public static readonly ImportRule DateOrder = new("date-order", Severity.Error,
        "有效期至 {1} 早于发证日期 {2}", "expiry {1} is before the issue date {2}");
    public static readonly ImportRule ValidityOrder = new("validity-order", Severity.Error,
        "有效期至 {1} 早于认定日期 {2}", "valid until {1} is before the recognition date {2}");
    public static readonly ImportRule RdJump = new("rd-jump", Severity.Warning,
        "R&D经费 {1} 较上年 {2} 变化 {3}%（超出 +200% / −70%）",
        "R&D expenditure {1} changed {3} % from the previous year's {2} (beyond +200 % / −70 %)");
    public static readonly ImportRule RdAboveHalfRevenue = new("rd-above-half-revenue", Severity.Warning,
        "R&D经费 {1} 超过营业收入 {2} 的 50%", "R&D expenditure {1} is above 50 % of operating revenue {2}");
    public static readonly ImportRule IntensityMismatch = new("intensity-mismatch", Severity.Warning,
        "报告的研发投入强度 {1}% 与 R&D经费/GDP = {2}% 相差超过 0.05 个百分点",
        "reported R&D intensity {1} % differs from rd_total/gdp = {2} % by more than 0.05 points");
    public static readonly ImportRule OutsideScope = new("outside-scope", Severity.Error,
        "“{0}”的值“{1}”所属区划 {2} 不在您的管辖范围", "'{0}': '{1}' belongs to division {2}, outside your scope");
    public static readonly ImportRule CountyYearFinal = new("county-year-final", Severity.Error,
        "{2} 的 {1} 年数据已审定（final）并锁定，需由自治区管理员重新开放后才能导入",
        "{2}'s {1} data is final and locked; a region admin must reopen it before it can be imported");
    public static readonly ImportRule UnitMoveFinal = new("unit-move-final", Severity.Error,
        "不能将单位从 {2} 迁至 {1}：{3} 的 {4} 年数据已审定（final）并锁定，需由自治区管理员重新开放",
        "cannot move the unit from {2} to {1}: {3}'s {4} data is final and locked; a region admin must reopen it first");
    public static readonly ImportRule LoanDateOrder = new("loan-date-order", Severity.Error,
        "“{0}” {1} 早于发放日期 {2}", "'{0}' {1} is before the grant date {2}");
    public static readonly ImportRule InvalidRate = new("invalid-rate", Severity.Error,
        "“{0}”的值“{1}”应为小数（如 0.0435）或百分数（如 4.35%），不超过 100%",
        "'{0}': '{1}' should be a fraction (e.g. 0.0435) or a percent (e.g. 4.35%), at most 100 %");
    public static readonly ImportRule UnknownInstitution = new("unknown-institution", Severity.Error,
        "金融机构“{1}”不存在（请先导入金融机构）", "financial institution '{1}' does not exist (import institutions first)");
    public static readonly ImportRule InstitutionKindMismatch = new("institution-kind-mismatch", Severity.Error,
        "“{0}”的机构“{1}”类型为 {2}，应为 {3}", "'{0}': institution '{1}' is of kind {2}, expected {3}");
    public static readonly ImportRule TooManyFindings = new("too-many-findings", Severity.Error,
        "问题过多，仅列出前 {2} 条", "too many findings; only the first {2} are listed");

    public static readonly IReadOnlyList<ImportRule> All =
    [
        UnreadableFile, NoHeader, UnknownColumn, DuplicateColumn, MissingColumn, UnitMismatch, MissingValue,
        InvalidNumber, InvalidInteger, InvalidDate, InvalidBoolean, InvalidChoice, InvalidCode, TextTooLong,
        NegativeAmount, AboveMaximum, TooPrecise, InvalidCharacter, InvalidCreditCode, UnknownDivision, UnknownPark, UnknownPayment, UnknownUnit, UnknownPlatform, DuplicateKey, SplitMismatch,
        YearOutOfRange, DateOrder, ValidityOrder, LoanDateOrder, InvalidRate, UnknownInstitution, InstitutionKindMismatch, OutsideScope, OutsidePark, OutsideInstitution, CountyYearFinal, UnitMoveFinal, RdJump, RdAboveHalfRevenue, IntensityMismatch, TooManyFindings,
    ];
}

/// <summary>One problem found in a file: where (file, row as Excel shows it, column), what, and why.</summary>
public sealed record ImportFinding(
    Severity Severity, string Rule, string File, int Row, string? Column, string? Value, string MessageZh, string MessageEn);
