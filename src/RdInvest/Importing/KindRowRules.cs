using System.Globalization;
using RdInvest.Data;

namespace RdInvest.Importing;

/// <summary>The row rules particular to one kind, carried on the kind (<see cref="ImportKind.RowRules"/>).</summary>
public static class KindRowRules
{
    /// <summary>A unit's R&amp;D above half its revenue is implausible (a warning).</summary>
    public static void RdAboveHalfRevenue(KindRow row)
    {
        if (row.Amount("rd_total") is { } rd && row.Amount("revenue") is { } rev && rev > 0 && rd > rev * 0.5m)
        {
            row.Report(ImportRules.RdAboveHalfRevenue, "rd_total", row.Text("revenue"));
        }
    }

    /// <summary>A published intensity should match rd_total / gdp within 0.05 points (a warning).</summary>
    public static void IntensityMatchesRdOverGdp(KindRow row)
    {
        if (row.Amount("rd_total") is { } rd && row.Amount("gdp") is { } g && g > 0 && row.Amount("rd_intensity") is { } reported)
        {
            // Intensity is a percent; the amounts are in the row's money unit, which cancels out.
            var computed = rd / g * 100m;
            if (Math.Abs(computed - reported) > 0.05m)
            {
                row.Report(ImportRules.IntensityMismatch, "rd_intensity", decimal.Round(computed, 4).ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>A certificate expires after it is issued; a high-tech enterprise certificate without expiry runs three years.</summary>
    public static void CertificateDates(KindRow row)
    {
        if (row.Value("issued") is not DateOnly from)
        {
            return;
        }
        if (row.Value("expires") is DateOnly to)
        {
            if (to < from)
            {
                row.Report(ImportRules.DateOrder, "expires", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }
        else if (row.Text("expires") is null && row.Value("kind") as string == CertificationKinds.HighTech)
        {
            if (from > DateOnly.MaxValue.AddYears(-3))
            {
                // No expiry three years on can be stored (an issue date near the year 9999).
                row.Report(ImportRules.InvalidDate, "issued");
                return;
            }
            row.Set("expires", from.AddYears(3).AddDays(-1));
        }
    }

    /// <summary>A platform's recognition ends on or after the day it begins.</summary>
    public static void PlatformValidity(KindRow row)
    {
        if (row.Value("recognised_on") is DateOnly from && row.Value("valid_until") is DateOnly to && to < from)
        {
            row.Report(ImportRules.ValidityOrder, "valid_until", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }
}
