using RdInvest.Importing;

namespace RdInvest.Finance;

/// <summary>The finance kinds of the data contract (二(三)7–10): institutions, their loans, direct financing events.</summary>
public static class FinanceImportKinds
{
    private static readonly string ExampleBank = Common.CreditCode.Complete("91150100MA0B0001X");
    private static readonly string ExampleUnit = Common.CreditCode.Complete("91150105MA0Q1234X");

    private static ImportColumn Money(string key, string zh, string property, string en, string example = "") =>
        new(key, zh, CellType.Money, property, zh, en) { Example = example };

    public static readonly ImportKind Institutions = new("institutions", "金融机构", "financial institutions", typeof(FinancialInstitution),
    [
        new("code", "统一社会信用代码", CellType.CreditCode, nameof(FinancialInstitution.Code),
            "金融机构的统一社会信用代码（GB 32100，校验码须正确）", "unified social credit code of the institution (check character verified)")
            { Required = true, IsKey = true, MaxLength = 18, Example = ExampleBank },
        new("name", "机构名称", CellType.Text, nameof(FinancialInstitution.Name), "机构名称", "name")
            { Required = true, Example = "示例银行内蒙古分行" },
        new("kind", "机构类型", CellType.Choice, nameof(FinancialInstitution.Kind),
            "bank 银行、tech_branch 科技支行/科技金融事业部、guarantee 融资担保机构、equity_exchange 股权交易场所、other 其他",
            "bank, tech_branch (S&T branch or S&T finance department), guarantee (financing guarantee institution), equity_exchange, other")
            { Required = true, Choices = InstitutionKinds.All, MaxLength = 20, Example = InstitutionKinds.Bank },
        new("parent_code", "上级银行代码", CellType.InstitutionRef, nameof(FinancialInstitution.ParentCode),
            "支行或事业部所属银行的统一社会信用代码（已导入或在同一文件中）", "credit code of a branch's bank (already imported or in the same file)")
            { MaxLength = 18 },
        new("division_code", "行政区划代码", CellType.DivisionRef, nameof(FinancialInstitution.DivisionCode),
            "机构所在地的6位行政区划代码", "6-digit code of the institution's division") { Required = true, MaxLength = 6, Example = "150100" },
    ])
    { DivisionPath = ExportDivisionPath.Self };

    public static readonly ImportKind Loans = new("loans", "贷款", "loans", typeof(Loan),
    [
        new("loan_id", "贷款编号", CellType.Id, nameof(Loan.LoanId), "贷款编号（同一贷款机构内唯一）", "loan id (unique per lender)")
            { Required = true, IsKey = true, MaxLength = 60, Example = "DK2023-0001" },
        new("lender_code", "贷款机构代码", CellType.InstitutionRef, nameof(Loan.LenderCode),
            "贷款机构的统一社会信用代码（须已导入机构）", "credit code of the lender (institutions must be imported first)")
            { Required = true, IsKey = true, MaxLength = 18, Example = ExampleBank },
        new("borrower", "借款单位统一社会信用代码", CellType.UnitRef, nameof(Loan.BorrowerUnitId),
            "借款单位的统一社会信用代码（须已导入单位）", "credit code of the borrowing unit (units must be imported first)")
            { Required = true, MaxLength = 18, Example = ExampleUnit },
        new("kind", "贷款类型", CellType.Choice, nameof(Loan.Kind),
            "credit 信用贷款、ip_pledge 知识产权质押贷款、guaranteed 担保贷款、other 其他", "credit, ip_pledge (IP pledge), guaranteed, other")
            { Required = true, Choices = LoanKinds.All, MaxLength = 20, Example = LoanKinds.Credit },
        new("guarantor_code", "担保机构代码", CellType.InstitutionRef, nameof(Loan.GuarantorCode),
            "担保贷款的融资担保机构统一社会信用代码（须为 guarantee 类机构）", "credit code of the guarantee institution (of kind guarantee)")
            { MaxLength = 18 },
        new("granted_on", "发放日期", CellType.Date, nameof(Loan.GrantedOn), "贷款发放日期", "date granted")
            { Required = true, Example = "2023-03-15" },
        new("matures_on", "到期日期", CellType.Date, nameof(Loan.MaturesOn), "合同到期日期", "contractual maturity date")
            { Required = true, Example = "2024-03-14" },
        new("repaid_on", "结清日期", CellType.Date, nameof(Loan.RepaidOn), "实际结清日期（未结清留空）", "date repaid (blank while outstanding)"),
        Money("amount", "贷款金额", nameof(Loan.AmountFen), "loan amount", "500") with { Required = true },
        new("annual_rate", "年利率", CellType.Rate, nameof(Loan.AnnualRateBp4),
            "年利率：小数（0.0435）或百分数（4.35%）", "annual rate: a fraction (0.0435) or a percent (4.35%)")
            { Required = true, Example = "4.35%" },
        Money("guarantee_fee", "担保费", nameof(Loan.GuaranteeFeeFen), "guarantee fee paid by the borrower", ""),
        Money("loss_amount", "损失本金", nameof(Loan.LossAmountFen), "principal the lender lost on a defaulted pledge loan", ""),
    ])
    { DivisionPath = ExportDivisionPath.Unit, RowRules = [LoanDates], YearDateKey = "granted_on" };

    public static readonly ImportKind Financing = new("financing", "直接融资", "direct financing events", typeof(FinancingEvent),
    [
        new("event_id", "融资事件编号", CellType.Id, nameof(FinancingEvent.Id), "融资事件编号", "event id")
            { Required = true, IsKey = true, MaxLength = 60, Example = "ZR2023-001" },
        new("unit", "融资单位统一社会信用代码", CellType.UnitRef, nameof(FinancingEvent.UnitId),
            "融资单位的统一社会信用代码（须已导入单位）", "credit code of the unit (units must be imported first)")
            { Required = true, MaxLength = 18, Example = ExampleUnit },
        new("kind", "融资类型", CellType.Choice, nameof(FinancingEvent.Kind),
            "star_market 科创板上市、other_listing 其他上市、neeq 新三板挂牌、regional_equity 内蒙古股权交易中心挂牌、youth_board 青创板、regional_st_board 自治区股权交易市场科创板、bond 债券",
            "star_market, other_listing, neeq, regional_equity, youth_board, regional_st_board, bond")
            { Required = true, Choices = FinancingKinds.All, MaxLength = 30, Example = FinancingKinds.Neeq },
        new("date", "日期", CellType.Date, nameof(FinancingEvent.Date), "上市、挂牌或发行日期", "date of listing, quotation or issue")
            { Required = true, Example = "2023-06-30" },
        Money("amount_raised", "融资金额", nameof(FinancingEvent.AmountRaisedFen), "amount raised", "3000") with { Required = true },
        new("institution_code", "保荐或承销机构代码", CellType.InstitutionRef, nameof(FinancingEvent.InstitutionCode),
            "保荐机构或承销机构的统一社会信用代码（可空，须已导入机构）", "credit code of the sponsor or underwriter (optional; must be imported)")
            { MaxLength = 18 },
    ])
    { DivisionPath = ExportDivisionPath.Unit, YearDateKey = "date" };

    /// <summary>A loan matures, and is repaid, on or after the day it is granted.</summary>
    private static void LoanDates(KindRow row)
    {
        if (row.Value("granted_on") is not DateOnly granted)
        {
            return;
        }
        var text = granted.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (row.Value("matures_on") is DateOnly matures && matures < granted)
        {
            row.Report(ImportRules.LoanDateOrder, "matures_on", text);
        }
        if (row.Value("repaid_on") is DateOnly repaid && repaid < granted)
        {
            row.Report(ImportRules.LoanDateOrder, "repaid_on", text);
        }
    }
}
