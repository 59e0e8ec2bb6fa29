using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Divisions;

namespace RdInvest.Demo;

internal sealed partial class DemoGenerator
{
    private static double ActiveShare(ReportingUnit u, int year)
    {
        var k = year - FirstYear;
        return u.Sector switch
        {
            // Above-scale industry crosses the 35 % target of 二(二)5 during the plan period.
            Sectors.Enterprise when u.AboveScale => 0.27 + 0.026 * k,
            Sectors.Enterprise => 0.55 + 0.05 * k,
            Sectors.Other => 0.8,
            _ => 1.0,
        };
    }

    private void GenerateRecords(DemoPopulation pop, List<Traits> traits)
    {
        var units = pop.Units;
        for (var y = 0; y < YearCount; y++)
        {
            var year = FirstYear + y;
            var targetThousand = decimal.Round(
                RegionRd2019Yuan / 1000m * (decimal)(Math.Pow(1 + RegionGrowth, y) * (1 + 0.01 * Normal())), 0);
            double weightSum = 0;
            for (var i = 0; i < units.Count; i++)
            {
                if (traits[i].ActiveDraw < ActiveShare(units[i], year))
                {
                    weightSum += traits[i].Size * traits[i].Drift[y];
                }
            }
            for (var i = 0; i < units.Count; i++)
            {
                var t = traits[i];
                var share = (decimal)(t.Size * t.Drift[y] / weightSum);
                // What the unit would spend if active; revenue follows from it, so inactive firms still have revenue.
                var potential = Math.Max(50L, (long)decimal.Floor(targetThousand * share));
                var active = t.ActiveDraw < ActiveShare(units[i], year);
                t.RdThousand[y] = active ? potential : 0;
                if (units[i].Sector == Sectors.Enterprise)
                {
                    t.RevenueThousand[y] = (long)decimal.Round(potential / (decimal)t.RevenueRatio, 0);
                }
                t.HasInstitution[y] = units[i].Sector switch
                {
                    Sectors.Institute or Sectors.University => true,
                    Sectors.Enterprise => active && t.InstitutionDraw < (units[i].AboveScale ? 0.45 : 0.25) + 0.02 * y,
                    _ => active && t.InstitutionDraw < 0.5,
                };
                var previous = y == 0
                    ? (int)(t.RdThousand[0] * 1000 / t.PatentCost * (1 + 3 * _rng.NextDouble()))
                    : t.Patents[y - 1];
                t.Patents[y] = previous + (int)(t.RdThousand[y] * 1000 / t.PatentCost * (0.5 + _rng.NextDouble()));
                pop.Records.Add(MakeRecord(i, year, units[i], t, y));
            }
        }
    }

    private UnitRdRecord MakeRecord(int unitIndex, int year, ReportingUnit unit, Traits t, int y)
    {
        var total = t.RdThousand[y];
        double U(double lo, double hi) => lo + (hi - lo) * _rng.NextDouble();
        // Funding source: government, enterprise, foreign, other; the performer's own kind of money takes the remainder.
        var (sources, sourceRest) = unit.Sector switch
        {
            Sectors.Enterprise => (new[] { unit.StateOwned ? U(0, 0.1) : U(0, 0.05), 1, _rng.NextDouble() < 0.03 ? U(0, 0.05) : 0, U(0, 0.03) }, 1),
            Sectors.Institute => (new[] { U(0.6, 0.85), U(0.05, 0.25), 0, 1 }, 3),
            Sectors.University => (new[] { U(0.5, 0.75), U(0.15, 0.35), U(0, 0.01), 1 }, 3),
            Sectors.Government => (new[] { U(0.85, 1.0), 0, 0, 1 }, 3),
            _ => (new[] { U(0.2, 0.5), U(0.2, 0.4), 0, 1 }, 3),
        };
        var types = unit.Sector switch
        {
            Sectors.Enterprise => new[] { _rng.NextDouble() < 0.2 ? U(0, 0.02) : 0, U(0.02, 0.08), 1 },
            Sectors.Institute => [U(0.1, 0.3), U(0.3, 0.5), 1],
            Sectors.University => [U(0.3, 0.5), U(0.35, 0.5), 1],
            Sectors.Government => [U(0.05, 0.15), U(0.3, 0.5), 1],
            _ => [U(0, 0.1), U(0.2, 0.4), 1],
        };
        var costs = new[] { U(0.3, 0.5), U(0.08, 0.25), 1 };
        var src = Split(total, sources, sourceRest);
        var typ = Split(total, types, 2);
        var cst = Split(total, costs, 2);
        var headcount = total == 0 ? 0 : Math.Max(1, (int)(total * 1000 / U(250_000, 450_000)));
        return new UnitRdRecord
        {
            UnitId = unitIndex,
            Year = year,
            RdTotalFen = total * FenPerThousand,
            GovFundsFen = src[0] * FenPerThousand,
            EnterpriseFundsFen = src[1] * FenPerThousand,
            ForeignFundsFen = src[2] * FenPerThousand,
            OtherFundsFen = src[3] * FenPerThousand,
            BasicFen = typ[0] * FenPerThousand,
            AppliedFen = typ[1] * FenPerThousand,
            ExperimentalFen = typ[2] * FenPerThousand,
            PersonnelCostFen = cst[0] * FenPerThousand,
            CapitalCostFen = cst[1] * FenPerThousand,
            OtherCostFen = cst[2] * FenPerThousand,
            ExtramuralFen = (long)(total * U(0, 0.08)) * FenPerThousand,
            PersonnelHeadcount = headcount,
            PersonnelFteCenti = (long)(headcount * 100 * U(0.55, 0.9)),
            RevenueFen = unit.Sector == Sectors.Enterprise ? t.RevenueThousand[y] * FenPerThousand : null,
            HasRdInstitution = t.HasInstitution[y],
            InventionPatents = t.Patents[y],
            Status = DataStatuses.Final,
            IsSynthetic = true,
            UpdatedAt = _now,
        };
    }

    /// <summary>
    /// Splits a whole number of thousands by weights: every part but <paramref name="rest"/> is floored, the rest
    /// part takes what remains, so the parts always sum exactly to the total and none is negative.
    /// The weight at <paramref name="rest"/> is ignored; the other weights are fractions of the total.
    /// </summary>
    internal static long[] Split(long total, double[] fractions, int rest)
    {
        var parts = new long[fractions.Length];
        var taken = 0.0;
        long used = 0;
        for (var i = 0; i < fractions.Length; i++)
        {
            if (i == rest)
            {
                continue;
            }
            // Guard against fractions that together exceed 1: scale down what is left.
            var f = Math.Min(fractions[i], Math.Max(0, 1 - taken));
            taken += f;
            parts[i] = (long)decimal.Floor(total * (decimal)f);
            used += parts[i];
        }
        parts[rest] = total - used;
        return parts;
    }
}
