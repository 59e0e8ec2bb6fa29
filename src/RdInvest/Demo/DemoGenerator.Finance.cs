using System.Globalization;
using RdInvest.Data;
using RdInvest.Finance;

namespace RdInvest.Demo;

/// <summary>
/// The synthetic finance population (二(三)7–10), drawn after everything else so the rest of the population is unchanged: a
/// dozen banks and S&amp;T branches (most branches under a bank), two guarantee institutions, about 3,000 loans over the demo years
/// to the demo enterprises (S&amp;T or not as their certificates say; IP-pledge loans, some with losses; guaranteed loans with
/// fees; some repaid early; some maturing on 31 December), and direct financing events of every kind. All marked synthetic.
/// </summary>
internal sealed partial class DemoGenerator
{
    private const int DemoLoans = 3000;
    private const int DemoFinancingEvents = 80;

    private static readonly string[] BankNames = ["工商银行", "农业银行", "中国银行", "建设银行", "交通银行", "内蒙古银行", "包商银行"];

    private void GenerateFinance(DemoPopulation pop)
    {
        var leagues = _t.Leagues.Keys.Order(StringComparer.Ordinal).ToList();
        foreach (var (name, k) in BankNames.Select((n, k) => (n, k)))
        {
            var league = leagues[k % leagues.Count];
            pop.Institutions.Add(Institution($"{name}内蒙古分行{SyntheticMark}", InstitutionKinds.Bank, null, league));
        }
        // Five S&T branches under banks, two standing alone (an S&T finance department of a local bank).
        for (var k = 0; k < 7; k++)
        {
            var parent = k < 5 ? pop.Institutions[k] : null;
            var league = leagues[(k + 3) % leagues.Count];
            var place = _t.Leagues[league].Short;
            pop.Institutions.Add(Institution(parent is null ? $"{place}科技金融事业部{SyntheticMark}" : $"{BankNames[k]}{place}科技支行{SyntheticMark}",
                InstitutionKinds.TechBranch, parent?.Code, league));
        }
        var guarantors = new[]
        {
            Institution($"内蒙古科技融资担保有限公司{SyntheticMark}", InstitutionKinds.Guarantee, null, leagues[0]),
            Institution($"包头科技融资担保有限公司{SyntheticMark}", InstitutionKinds.Guarantee, null, leagues[1 % leagues.Count]),
        };
        pop.Institutions.AddRange(guarantors);
        var lenders = pop.Institutions.Where(i => i.Kind is InstitutionKinds.Bank or InstitutionKinds.TechBranch).ToList();
        var enterprises = Enumerable.Range(0, pop.Units.Count).Where(i => pop.Units[i].Sector == Sectors.Enterprise).ToList();
        if (enterprises.Count == 0)
        {
            return;
        }
        // Borrowers lean to certified enterprises, as S&T lending does; the others still borrow.
        var certified = pop.Certifications.Select(c => c.UnitId).ToHashSet();
        var borrowers = enterprises.Where(i => certified.Contains(i)).ToList();
        var serial = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 0; n < DemoLoans; n++)
        {
            var lender = lenders[_rng.Next(lenders.Count)];
            var borrower = borrowers.Count > 0 && _rng.NextDouble() < 0.75 ? Pick(borrowers) : Pick(enterprises);
            var year = FirstYear + _rng.Next(YearCount);
            var granted = new DateOnly(year, 1 + _rng.Next(12), 1 + _rng.Next(28));
            var matures = _rng.NextDouble() < 0.06 ? new DateOnly(year + _rng.Next(3), 12, 31) : granted.AddYears(1 + _rng.Next(3));
            if (matures <= granted)
            {
                matures = new DateOnly(year, 12, 31) > granted ? new DateOnly(year, 12, 31) : granted.AddYears(1);
            }
            var kind = PickWeighted(LoanKinds.All, k => k switch { LoanKinds.Credit => 0.55, LoanKinds.IpPledge => 0.18, LoanKinds.Guaranteed => 0.22, _ => 0.05 });
            var amountThousand = 200L + _rng.Next(49) * 200L + (_rng.NextDouble() < 0.1 ? 10_000L : 0L);
            DateOnly? repaid = _rng.NextDouble() < 0.3 ? granted.AddDays(30 + _rng.Next(Math.Max(1, matures.DayNumber - granted.DayNumber - 30))) : null;
            if (repaid >= matures)
            {
                repaid = null;
            }
            var id = serial[lender.Code] = serial.GetValueOrDefault(lender.Code) + 1;
            pop.Loans.Add(new Loan
            {
                LenderCode = lender.Code,
                LoanId = string.Create(CultureInfo.InvariantCulture, $"DK{year}-{id:D5}"),
                BorrowerUnitId = borrower,
                Kind = kind,
                GuarantorCode = kind == LoanKinds.Guaranteed ? guarantors[_rng.Next(guarantors.Length)].Code : null,
                GrantedOn = granted,
                MaturesOn = matures,
                RepaidOn = repaid,
                AmountFen = amountThousand * FenPerThousand,
                // 3.20 %–6.50 % in steps of 0.05 %: percent × 10^4.
                AnnualRateBp4 = 32_000 + _rng.Next(67) * 500,
                GuaranteeFeeFen = kind == LoanKinds.Guaranteed ? amountThousand * FenPerThousand * (10 + _rng.Next(11)) / 1000 : null,
                LossAmountFen = kind == LoanKinds.IpPledge && repaid is null && matures.Year <= LastYear && _rng.NextDouble() < 0.12
                    ? amountThousand * FenPerThousand * (10 + _rng.Next(51)) / 100 : null,
                IsSynthetic = true,
                UpdatedAt = _now,
            });
        }
        for (var n = 0; n < DemoFinancingEvents; n++)
        {
            var year = FirstYear + _rng.Next(YearCount);
            var kind = FinancingKinds.All[n % FinancingKinds.All.Count];
            var raisedThousand = kind switch
            {
                FinancingKinds.StarMarket or FinancingKinds.OtherListing => 200_000L + _rng.Next(800_000),
                FinancingKinds.Bond => 50_000L + _rng.Next(250_000),
                _ => 2_000L + _rng.Next(48_000),
            };
            pop.Financing.Add(new FinancingEvent
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"ZR{year}-{n + 1:D4}"),
                UnitId = borrowers.Count > 0 && _rng.NextDouble() < 0.8 ? Pick(borrowers) : Pick(enterprises),
                Kind = kind,
                Date = new DateOnly(year, 1 + _rng.Next(12), 1 + _rng.Next(28)),
                AmountRaisedFen = raisedThousand * FenPerThousand,
                InstitutionCode = _rng.NextDouble() < 0.6 ? lenders[_rng.Next(lenders.Count)].Code : null,
                IsSynthetic = true,
                UpdatedAt = _now,
            });
        }
    }

    private FinancialInstitution Institution(string name, string kind, string? parent, string league) => new()
    {
        Code = NewCreditCode("91", league),
        Name = name,
        Kind = kind,
        ParentCode = parent,
        DivisionCode = league,
        IsSynthetic = true,
        UpdatedAt = _now,
    };
}
