using RdInvest.Data;
using RdInvest.Platforms;

namespace RdInvest.Importing;

/// <summary>
/// The data contract: every kind of file, its columns (English key, Chinese label, type,
/// stored property) and its cross-column rules. docs/data-contract.md is generated from this table.
/// </summary>
public static class ImportKinds
{
    private static readonly string ExampleCreditCode = Common.CreditCode.Complete("91150105MA0Q1234X");

    private static ImportColumn Money(string key, string zh, string property, string en, string example = "") =>
        new(key, zh, CellType.Money, property, zh, en) { Example = example };

    private static ImportColumn Year(bool key = true) =>
        new("year", "年份", CellType.Year, nameof(UnitRdRecord.Year), "统计年度", "statistical year")
        { Required = true, IsKey = key, Example = "2023" };

    public static readonly ImportKind Units = new("units", "统计单位", "reporting units", typeof(ReportingUnit),
    [
        new("credit_code", "统一社会信用代码", CellType.CreditCode, nameof(ReportingUnit.CreditCode),
            "统一社会信用代码（GB 32100，18位，校验码须正确）", "unified social credit code (GB 32100, 18 characters, check character verified)")
            { Required = true, IsKey = true, MaxLength = 18, Example = ExampleCreditCode },
        new("name", "单位名称", CellType.Text, nameof(ReportingUnit.Name), "单位详细名称", "registered name")
            { Required = true, Example = "内蒙古示例科技有限公司" },
        new("sector", "执行部门", CellType.Choice, nameof(ReportingUnit.Sector),
            "执行部门：enterprise 企业、institute 研究机构、university 高等学校、government 政府部门、other 其他",
            "performer sector") { Required = true, Choices = Sectors.All, Example = Sectors.Enterprise },
        new("division_code", "行政区划代码", CellType.DivisionRef, nameof(ReportingUnit.DivisionCode),
            "单位所在旗县（市、区）的6位行政区划代码（GB/T 2260）", "6-digit code of the unit's county (GB/T 2260)")
            { Required = true, MaxLength = 6, Example = "150105" },
        new("industry_code", "行业代码", CellType.IndustryCode, nameof(ReportingUnit.IndustryCode),
            "国民经济行业代码（GB/T 4754-2017），如 C38", "industry code (GB/T 4754-2017), e.g. C38")
            { MaxLength = 10, Example = "C38" },
        new("above_scale", "是否规上工业企业", CellType.Bool, nameof(ReportingUnit.AboveScale),
            "是否规模以上工业企业", "above-scale industrial enterprise") { Example = "是" },
        new("state_owned", "是否国有企业", CellType.Bool, nameof(ReportingUnit.StateOwned),
            "是否国有企业", "state-owned enterprise") { Example = "否" },
        new("park_id", "所在园区代码", CellType.ParkRef, nameof(ReportingUnit.ParkId),
            "所在园区的代码（须已导入园区）", "id of the unit's park (parks must be imported first)") { MaxLength = 40 },
    ])
    { DivisionPath = ExportDivisionPath.Self, LocksUnitMoves = true };

    public static readonly ImportKind Rd = new("rd", "单位研发投入", "unit R&D records", typeof(UnitRdRecord),
    [
        new("credit_code", "统一社会信用代码", CellType.UnitRef, nameof(UnitRdRecord.UnitId),
            "填报单位的统一社会信用代码（须已导入单位）", "credit code of the reporting unit (units must be imported first)")
            { Required = true, IsKey = true, MaxLength = 18, Example = ExampleCreditCode },
        Year(),
        Money("rd_total", "R&D经费内部支出", nameof(UnitRdRecord.RdTotalFen), "intramural R&D expenditure", "1200") with { Required = true },
        Money("gov_funds", "政府资金", nameof(UnitRdRecord.GovFundsFen), "of which government funds", "200"),
        Money("enterprise_funds", "企业资金", nameof(UnitRdRecord.EnterpriseFundsFen), "of which business funds", "1000"),
        Money("foreign_funds", "境外资金", nameof(UnitRdRecord.ForeignFundsFen), "of which foreign funds", "0"),
        Money("other_funds", "其他资金", nameof(UnitRdRecord.OtherFundsFen), "of which other funds", "0"),
        Money("basic", "基础研究", nameof(UnitRdRecord.BasicFen), "basic research", "0"),
        Money("applied", "应用研究", nameof(UnitRdRecord.AppliedFen), "applied research", "200"),
        Money("experimental", "试验发展", nameof(UnitRdRecord.ExperimentalFen), "experimental development", "1000"),
        Money("personnel_cost", "人员劳务费", nameof(UnitRdRecord.PersonnelCostFen), "personnel costs", "600"),
        Money("capital_cost", "资产性支出", nameof(UnitRdRecord.CapitalCostFen), "capital expenditure", "300"),
        Money("other_cost", "其他日常支出", nameof(UnitRdRecord.OtherCostFen), "other current costs", "300"),
        Money("extramural", "R&D经费外部支出", nameof(UnitRdRecord.ExtramuralFen), "extramural R&D expenditure", "50"),
        new("personnel_headcount", "R&D人员", CellType.Count, nameof(UnitRdRecord.PersonnelHeadcount),
            "R&D人员数", "R&D personnel headcount") { Example = "35" },
        new("personnel_fte", "R&D人员全时当量", CellType.Fte, nameof(UnitRdRecord.PersonnelFteCenti),
            "R&D人员全时当量（人年，保留两位小数）", "R&D personnel full-time equivalent (person-years, to 0.01)") { Example = "28.5" },
        Money("revenue", "营业收入", nameof(UnitRdRecord.RevenueFen), "operating revenue", "50000") with { MaxAmount = Common.Bounds.MaxUnitRevenue },
        new("has_rd_institution", "是否有研发机构", CellType.Bool, nameof(UnitRdRecord.HasRdInstitution),
            "是否设有研发机构", "has an R&D institution") { Example = "是" },
        new("invention_patents", "有效发明专利数", CellType.Count, nameof(UnitRdRecord.InventionPatents),
            "期末有效发明专利数", "valid invention patents at year end") { Example = "12" },
        new("has_rd_reserve", "是否建立研发准备金制度", CellType.Bool, nameof(UnitRdRecord.HasRdReserve),
            "是否建立研发准备金制度（二(二)6）；留空为未填报", "has an R&D reserve system (clause 二(二)6); blank: not reported") { Example = "是" },
    ])
    {
        Splits = RdSplits,
        RowRules = [KindRowRules.RdAboveHalfRevenue],
        YearOnYearKey = "rd_total",
        DivisionPath = ExportDivisionPath.Unit,
        FollowsApproval = true,
    };

    private static IReadOnlyList<SplitRule> RdSplits =>
    [
        new("按资金来源", "the split by source", "rd_total", ["gov_funds", "enterprise_funds", "foreign_funds", "other_funds"]),
        new("按活动类型", "the split by type", "rd_total", ["basic", "applied", "experimental"]),
        new("按费用类别", "the split by cost", "rd_total", ["personnel_cost", "capital_cost", "other_cost"]),
    ];

    public static readonly ImportKind DivisionFigures = new("division-figures", "地区统计数据", "division figures", typeof(DivisionFigure),
    [
        new("division_code", "行政区划代码", CellType.DivisionRef, nameof(DivisionFigure.DivisionCode),
            "自治区、盟市或旗县的6位行政区划代码", "6-digit code of the region, league/city or county")
            { Required = true, IsKey = true, MaxLength = 6, Example = "150100" },
        Year(),
        Money("rd_total", "R&D经费内部支出", nameof(DivisionFigure.RdTotalFen), "intramural R&D expenditure (blank: not published)", "44.5"),
        Money("gov_funds", "政府资金", nameof(DivisionFigure.GovFundsFen), "of which government funds"),
        Money("enterprise_funds", "企业资金", nameof(DivisionFigure.EnterpriseFundsFen), "of which business funds"),
        Money("foreign_funds", "境外资金", nameof(DivisionFigure.ForeignFundsFen), "of which foreign funds"),
        Money("other_funds", "其他资金", nameof(DivisionFigure.OtherFundsFen), "of which other funds"),
        Money("basic", "基础研究", nameof(DivisionFigure.BasicFen), "basic research"),
        Money("applied", "应用研究", nameof(DivisionFigure.AppliedFen), "applied research"),
        Money("experimental", "试验发展", nameof(DivisionFigure.ExperimentalFen), "experimental development"),
        Money("rd_enterprise", "各类企业R&D经费", nameof(DivisionFigure.RdEnterpriseFen), "R&D expenditure of enterprises"),
        Money("rd_institute", "政府属研究机构R&D经费", nameof(DivisionFigure.RdInstituteFen), "R&D expenditure of government research institutes"),
        Money("rd_university", "高等学校R&D经费", nameof(DivisionFigure.RdUniversityFen), "R&D expenditure of universities"),
        Money("gdp", "地区生产总值", nameof(DivisionFigure.GdpFen), "gross domestic product", "3801.55"),
        new("rd_intensity", "R&D经费投入强度", CellType.Percent, nameof(DivisionFigure.RdIntensityBp4),
            "公布的R&D经费与地区生产总值之比（%）", "published R&D intensity (% of GDP)") { Example = "1.17" },
        new("hte_count", "高新技术企业数", CellType.Count, nameof(DivisionFigure.HteCount), "高新技术企业数", "high-tech enterprises"),
        new("tsme_count", "科技型中小企业数", CellType.Count, nameof(DivisionFigure.TsmeCount), "科技型中小企业数", "technology-based SMEs"),
        Money("gov_st_spending", "财政科学技术支出", nameof(DivisionFigure.GovStSpendingFen), "fiscal S&T expenditure"),
        new("source", "数据来源", CellType.Text, nameof(DivisionFigure.Source), "数据出处（公报名称、日期）", "where the figures were published")
            { MaxLength = 500, Example = "2023年统计公报" },
    ])
    {
        Splits =
        [
            new("按资金来源", "the split by source", "rd_total", ["gov_funds", "enterprise_funds", "foreign_funds", "other_funds"]),
            new("按活动类型", "the split by type", "rd_total", ["basic", "applied", "experimental"]),
        ],
        RowRules = [KindRowRules.IntensityMatchesRdOverGdp],
        MaxMoney = Common.Bounds.MaxFigureMoney,
        InsertDefaults = new Dictionary<string, object> { [nameof(DivisionFigure.Status)] = DataStatuses.Final },
        DivisionPath = ExportDivisionPath.Self,
        LockedByFinalCountyYear = true,
    };

    public static readonly ImportKind Parks = new("parks", "园区", "parks", typeof(Park),
    [
        new("park_id", "园区代码", CellType.Id, nameof(Park.Id), "园区唯一代码", "park id")
            { Required = true, IsKey = true, MaxLength = 40, Example = "HHHT-HTZ" },
        new("name", "园区名称", CellType.Text, nameof(Park.Name), "园区名称", "park name")
            { Required = true, Example = "呼和浩特金山高新技术产业开发区" },
        new("category", "园区类别", CellType.Choice, nameof(Park.Category),
            "national_htz 国家高新区、aspiring_htz 争创国家高新区的自治区高新区、region_htz 自治区高新区、national_agri_demo 国家农业高新技术产业示范区、national_agri_park 国家农业科技园区、region_agri_park 自治区农业科技园区",
            "one of the six categories of clause 二(四)12")
            { Required = true, Choices = ParkCategories.All, MaxLength = 30, Example = ParkCategories.RegionHtz },
        new("division_code", "行政区划代码", CellType.DivisionRef, nameof(Park.DivisionCode),
            "园区所在地的行政区划代码", "division code of the park's location") { Required = true, MaxLength = 6, Example = "150100" },
    ])
    { DivisionPath = ExportDivisionPath.Self };

    public static readonly ImportKind ParkFigures = new("park-figures", "园区年度数据", "park figures", typeof(ParkFigure),
    [
        new("park_id", "园区代码", CellType.ParkRef, nameof(ParkFigure.ParkId), "园区代码（须已导入园区）", "park id (parks must be imported first)")
            { Required = true, IsKey = true, MaxLength = 40, Example = "HHHT-HTZ" },
        Year(),
        Money("gdp", "园区生产总值", nameof(ParkFigure.GdpFen), "park GDP", "1500000"),
        Money("revenue", "营业收入", nameof(ParkFigure.RevenueFen), "operating revenue", "4000000"),
        Money("rd_total", "R&D经费支出", nameof(ParkFigure.RdTotalFen), "R&D expenditure", "30000"),
        new("rd_institutions", "研发机构数", CellType.Count, nameof(ParkFigure.RdInstitutions), "研发机构数", "R&D institutions") { Example = "25" },
        new("hte_count", "高新技术企业数", CellType.Count, nameof(ParkFigure.HteCount), "高新技术企业数", "high-tech enterprises") { Example = "60" },
        new("invention_patents", "有效发明专利数", CellType.Count, nameof(ParkFigure.InventionPatents), "有效发明专利数", "valid invention patents") { Example = "300" },
    ])
    { DivisionPath = ExportDivisionPath.Park, MaxMoney = Common.Bounds.MaxFigureMoney };

    public static readonly ImportKind Certifications = new("certifications", "认定与备案", "certifications", typeof(Certification),
    [
        new("credit_code", "统一社会信用代码", CellType.UnitRef, nameof(Certification.UnitId),
            "获认定单位的统一社会信用代码（须已导入单位）", "credit code of the certified unit")
            { Required = true, IsKey = true, MaxLength = 18, Example = ExampleCreditCode },
        new("kind", "认定类型", CellType.Choice, nameof(Certification.Kind),
            "hte 高新技术企业、tsme 科技型中小企业、platform 自治区级创新平台", "hte high-tech enterprise, tsme tech SME, platform region-level innovation platform")
            { Required = true, IsKey = true, Choices = CertificationKinds.All, MaxLength = 20, Example = CertificationKinds.HighTech },
        new("number", "证书编号", CellType.Id, nameof(Certification.Number), "证书或入库编号", "certificate or registration number")
            { Required = true, IsKey = true, MaxLength = 60, Example = "GR202315000123" },
        new("issued", "发证日期", CellType.Date, nameof(Certification.Issued), "发证（入库）日期", "date of issue or registration")
            { Required = true, Example = "2023-01-05" },
        new("expires", "有效期至", CellType.Date, nameof(Certification.Expires),
            "有效期截止日；高新技术企业留空则按发证日起3年计", "expiry date; blank for hte means 3 years from issue") { Example = "2026-01-04" },
        new("relocated", "是否整体迁入", CellType.Bool, nameof(Certification.Relocated),
            "是否有效期内整体迁入自治区", "relocated into the region whole with a valid certificate") { Example = "否" },
    ])
    { DivisionPath = ExportDivisionPath.Unit, RowRules = [KindRowRules.CertificateDates], AlwaysStaged = ["expires"], YearDateKey = "issued" };

    public static readonly ImportKind Projects = new("projects", "自治区科技重大专项", "major S&T projects", typeof(MajorProject),
    [
        new("project_id", "项目编号", CellType.Id, nameof(MajorProject.Id), "项目编号", "project id")
            { Required = true, IsKey = true, MaxLength = 60, Example = "2023ZD0001" },
        Year(key: false),
        new("title", "项目名称", CellType.Text, nameof(MajorProject.Title), "项目名称", "title")
            { Required = true, MaxLength = 400, Example = "稀土功能材料关键技术研究" },
        new("lead_credit_code", "牵头单位统一社会信用代码", CellType.UnitRef, nameof(MajorProject.LeadUnitId),
            "牵头单位的统一社会信用代码（须已导入单位）", "credit code of the lead unit")
            { Required = true, MaxLength = 18, Example = ExampleCreditCode },
        Money("funding", "项目经费", nameof(MajorProject.FundingFen), "project funding", "2000"),
        new("mode", "立项方式", CellType.Choice, nameof(MajorProject.Mode),
            "立项方式（二(一)3）：competitive 竞争立项、directed 定向委托、open_call 揭榜挂帅、other 其他；留空为未填报",
            "how the project was awarded (clause 二(一)3); blank: not stated")
            { Choices = ProjectModes.All, MaxLength = 20, Example = ProjectModes.Competitive },
    ])
    { DivisionPath = ExportDivisionPath.Unit };

    public static readonly ImportKind AwardUse = new("award-use", "奖励资金用于研发", "awards used for R&D", typeof(AwardUse),
    [
        new("payment_id", "奖补发放记录编号", CellType.PaymentRef, nameof(Data.AwardUse.PaymentId),
            "奖补发放记录的编号（rdinvest payments list 中的 id）", "id of the incentive payment (the id in `rdinvest payments list`)")
            { Required = true, IsKey = true, MaxLength = 20, Example = "1" },
        Year(),
        Money("amount", "用于研发的金额", nameof(Data.AwardUse.AmountFen), "amount of the payment used for R&D in the year", "30") with { Required = true },
    ])
    { DivisionPath = ExportDivisionPath.Payment };

    public static readonly ImportKind Platforms = new("platforms", "创新平台", "innovation platforms", typeof(Platform),
    [
        new("platform_id", "平台代码", CellType.Id, nameof(Platform.Id), "创新平台唯一代码", "platform id")
            { Required = true, IsKey = true, MaxLength = 60, Example = "NMG-ZDSYS-0001" },
        new("name", "平台名称", CellType.Text, nameof(Platform.Name), "创新平台名称", "platform name")
            { Required = true, Example = "内蒙古稀土功能材料重点实验室" },
        new("type", "平台类型", CellType.Choice, nameof(Platform.Type),
            "key_lab 重点实验室、tech_innovation_center 技术创新中心、engineering_research_center 工程研究中心、enterprise_tech_center 企业技术中心、manufacturing_innovation_center 制造业创新中心、industry_innovation_center 产业创新中心、other 其他",
            "kind of platform (clause 二(四)11)")
            { Required = true, Choices = PlatformTypes.All, MaxLength = 40, Example = PlatformTypes.KeyLab },
        new("level", "平台级别", CellType.Choice, nameof(Platform.Level),
            "national 国家级、region 自治区级、league_city 盟市级", "recognised by the state, the region or a league/city")
            { Required = true, Choices = PlatformLevels.All, MaxLength = 20, Example = PlatformLevels.Region },
        new("host", "依托单位统一社会信用代码", CellType.UnitRef, nameof(Platform.HostUnitId),
            "依托单位的统一社会信用代码（须已导入单位）", "credit code of the host unit (units must be imported first)")
            { Required = true, MaxLength = 18, Example = ExampleCreditCode },
        new("recognised_on", "认定日期", CellType.Date, nameof(Platform.RecognisedOn), "认定（批准建设）日期", "date of recognition")
            { Required = true, Example = "2022-06-30" },
        new("valid_until", "有效期至", CellType.Date, nameof(Platform.ValidUntil),
            "认定有效期截止日，不早于认定日期；留空为长期有效", "last day of the recognition, not before it; blank while it has no end") { Example = "2027-06-29" },
    ])
    { DivisionPath = ExportDivisionPath.Unit, RowRules = [KindRowRules.PlatformValidity] };

    public static readonly ImportKind PlatformEvaluations = new("platform-evaluations", "创新平台绩效评价", "platform evaluations", typeof(PlatformEvaluation),
    [
        new("platform_id", "平台代码", CellType.PlatformRef, nameof(PlatformEvaluation.PlatformId),
            "创新平台代码（须已导入创新平台）", "platform id (platforms must be imported first)")
            { Required = true, IsKey = true, MaxLength = 60, Example = "NMG-ZDSYS-0001" },
        Year(),
        new("grade", "评价等级", CellType.Choice, nameof(PlatformEvaluation.Grade), "运行绩效评价等级 A、B、C、D", "performance grade A, B, C or D")
            { Required = true, Choices = PlatformGrades.All, MaxLength = 1, Example = "A" },
        new("score", "评价得分", CellType.Score, nameof(PlatformEvaluation.ScoreCenti), "评价得分（0–100，保留两位小数）", "score out of 100, to 0.01")
            { Example = "92.5" },
    ])
    { DivisionPath = ExportDivisionPath.Platform };

    public static readonly IReadOnlyList<ImportKind> All =
    [
        Units, Rd, DivisionFigures, Parks, ParkFigures, Certifications, Projects, AwardUse, Platforms, PlatformEvaluations,
        Finance.FinanceImportKinds.Institutions, Finance.FinanceImportKinds.Loans, Finance.FinanceImportKinds.Financing,
    ];

    public static ImportKind Get(string name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new Common.UserError(
            $"未知的数据类型“{name}”，可用：{string.Join('、', All.Select(k => k.Name))}",
            $"unknown kind '{name}'; use one of {string.Join(", ", All.Select(k => k.Name))}", 2);
}
