using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;
using Sylvan.Data.Csv;

namespace RdInvest.Divisions;

/// <summary>One row of <c>data/im-divisions.csv</c> (GB/T 2260 code, names, level, parent).</summary>
public sealed record DivisionRow(string Code, string NameZh, string NameEn, string Level, string? ParentCode);

/// <summary>
/// One row of <c>data/im-official-figures.csv</c>: published figures as printed (money in 亿元, intensity in %).
/// Blank cells are null: not published, never zero.
/// </summary>
public sealed record OfficialFigureRow(
    string DivisionCode,
    int Year,
    decimal? RdTotalYi,
    decimal? BasicYi,
    decimal? AppliedYi,
    decimal? ExperimentalYi,
    decimal? RdEnterpriseYi,
    decimal? RdInstituteYi,
    decimal? RdUniversityYi,
    decimal? GdpYi,
    decimal? RdIntensityPercent,
    decimal? GovStSpendingYi,
    string Source);

/// <summary>Result of seeding divisions: how many rows were inserted and renamed.</summary>
public sealed record DivisionSeedResult(int Total, int Inserted, int Updated);

/// <summary>
/// The reference data shipped inside the library: the 116 divisions of Inner Mongolia and the published
/// statistics. Both are embedded resources so a fresh install needs no files beside the binary.
/// </summary>
public static class ReferenceData
{
    public const string DivisionsResource = "data/im-divisions.csv";
    public const string OfficialFiguresResource = "data/im-official-figures.csv";

    private static readonly Lazy<IReadOnlyList<DivisionRow>> LazyDivisions = new(() => ReadDivisions(OpenResource(DivisionsResource)));
    private static readonly Lazy<IReadOnlyList<OfficialFigureRow>> LazyFigures = new(() => ReadOfficialFigures(OpenResource(OfficialFiguresResource)));

    /// <summary>The shipped divisions, in file order (region, leagues/cities, counties).</summary>
    public static IReadOnlyList<DivisionRow> Divisions => LazyDivisions.Value;

    /// <summary>The shipped published figures, in file order.</summary>
    public static IReadOnlyList<OfficialFigureRow> OfficialFigures => LazyFigures.Value;

    public static IReadOnlyList<DivisionRow> ReadDivisions(TextReader text)
    {
        using var csv = Open(text);
        var code = csv.GetOrdinal("code");
        var nameZh = csv.GetOrdinal("name_zh");
        var nameEn = csv.GetOrdinal("name_en");
        var level = csv.GetOrdinal("level");
        var parent = csv.GetOrdinal("parent_code");
        var rows = new List<DivisionRow>();
        while (csv.Read())
        {
            var row = new DivisionRow(Req(csv, code), Req(csv, nameZh), Req(csv, nameEn), Req(csv, level), Opt(csv, parent));
            if (!DivisionLevels.All.Contains(row.Level))
            {
                throw new InvalidDataException($"{DivisionsResource}: division {row.Code} has unknown level '{row.Level}'");
            }
            rows.Add(row);
        }
        // A parent must come before its children, so inserting in file order satisfies the foreign key.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (r.ParentCode is { } p && !seen.Contains(p))
            {
                throw new InvalidDataException($"{DivisionsResource}: parent {p} of {r.Code} is missing or listed after it");
            }
            seen.Add(r.Code);
        }
        return rows;
    }

    public static IReadOnlyList<OfficialFigureRow> ReadOfficialFigures(TextReader text)
    {
        using var csv = Open(text);
        int O(string name) => csv.GetOrdinal(name);
        var (code, year, rd, basic, applied, experimental) = (O("division_code"), O("year"), O("rd_total"), O("basic"), O("applied"), O("experimental"));
        var (ent, inst, univ, gdp, intensity, gov, source) = (O("rd_enterprise"), O("rd_institute"), O("rd_university"), O("gdp"), O("rd_intensity"), O("gov_st_spending"), O("source"));
        var rows = new List<OfficialFigureRow>();
        while (csv.Read())
        {
            rows.Add(new OfficialFigureRow(
                Req(csv, code),
                int.Parse(Req(csv, year), NumberStyles.None, CultureInfo.InvariantCulture),
                Dec(csv, rd), Dec(csv, basic), Dec(csv, applied), Dec(csv, experimental),
                Dec(csv, ent), Dec(csv, inst), Dec(csv, univ), Dec(csv, gdp), Dec(csv, intensity), Dec(csv, gov),
                Opt(csv, source) ?? ""));
        }
        return rows;
    }

    /// <summary>
    /// Inserts the shipped divisions that are missing and updates names and parents that changed. Running it
    /// twice changes nothing. Divisions not in the file are left alone: units may still refer to them.
    /// </summary>
    public static async Task<DivisionSeedResult> SeedDivisionsAsync(RdInvestDb db, CancellationToken ct)
    {
        var existing = await db.Divisions.ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, ct);
        int inserted = 0, updated = 0;
        foreach (var row in Divisions)
        {
            if (existing.TryGetValue(row.Code, out var d))
            {
                if (d.NameZh != row.NameZh || d.NameEn != row.NameEn || d.Level != row.Level || d.ParentCode != row.ParentCode)
                {
                    (d.NameZh, d.NameEn, d.Level, d.ParentCode) = (row.NameZh, row.NameEn, row.Level, row.ParentCode);
                    updated++;
                }
            }
            else
            {
                db.Divisions.Add(new Division
                {
                    Code = row.Code,
                    NameZh = row.NameZh,
                    NameEn = row.NameEn,
                    Level = row.Level,
                    ParentCode = row.ParentCode,
                });
                inserted++;
            }
        }
        if (inserted + updated > 0)
        {
            await db.SaveChangesAsync(ct);
            await Analytics.AnalyticsStamps.BumpAsync(db, ct);
        }
        return new DivisionSeedResult(Divisions.Count, inserted, updated);
    }

    /// <summary>Converts a published row to the stored form: 亿元 to exact fen, percent to percent × 10^4.</summary>
    public static void Apply(OfficialFigureRow row, DivisionFigure f)
    {
        f.RdTotalFen = YiToFen(row.RdTotalYi);
        f.BasicFen = YiToFen(row.BasicYi);
        f.AppliedFen = YiToFen(row.AppliedYi);
        f.ExperimentalFen = YiToFen(row.ExperimentalYi);
        f.RdEnterpriseFen = YiToFen(row.RdEnterpriseYi);
        f.RdInstituteFen = YiToFen(row.RdInstituteYi);
        f.RdUniversityFen = YiToFen(row.RdUniversityYi);
        f.GdpFen = YiToFen(row.GdpYi);
        f.RdIntensityBp4 = row.RdIntensityPercent is { } p ? checked((long)decimal.Round(p * 10_000m, 0, MidpointRounding.AwayFromZero)) : null;
        f.GovStSpendingFen = YiToFen(row.GovStSpendingYi);
        f.Source = row.Source;
        f.Status = DataStatuses.Final;
        f.IsSynthetic = false;
    }

    private static long? YiToFen(decimal? yi) => Money.ToFen(yi * Money.UnitFactor(MoneyUnit.HundredMillionYuan));

    private static StreamReader OpenResource(string name)
    {
        var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        return new StreamReader(stream, System.Text.Encoding.UTF8);
    }

    private static CsvDataReader Open(TextReader text) =>
        CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' });

    private static string Req(CsvDataReader csv, int i)
    {
        var s = csv.GetString(i).Trim();
        return s.Length > 0 ? s : throw new InvalidDataException($"row {csv.RowNumber}: column {csv.GetName(i)} is empty");
    }

    private static string? Opt(CsvDataReader csv, int i) => csv.GetString(i).Trim() is { Length: > 0 } s ? s : null;

    private static decimal? Dec(CsvDataReader csv, int i) =>
        Opt(csv, i) is { } s ? decimal.Parse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;
}
