using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RdInvest.Data;
using RdInvest.Platforms;

namespace RdInvest.Analytics;

/// <summary>
/// The rebuild's one pass over the records: one GROUP BY division × park × year × approval status over every record
/// joined to its unit, with every sum the measures need — the record sums, the above-scale industrial ones, the platform
/// and R&amp;D-institution flags (platforms and certificates valid on 31 December of the record's year), the leading
/// industries of each year — and the park sums. <see cref="AnalyticsComputer"/> and <see cref="ParkAnalyticsComputer"/>
/// turn the groups of each year into measures exactly as their per-year queries do (<c>analytics check</c> compares them).
/// </summary>
internal static partial class AnalyticsBulk
{
    /// <summary>One group of the pass (column names are the query's aliases).</summary>
    public sealed class Group
    {
        public string D { get; set; } = "";
        public string? K { get; set; }
        public int Y { get; set; }
        public string St { get; set; } = "";
        public long N { get; set; }
        public long Rd { get; set; }
        public long Gov { get; set; }
        public long GovN { get; set; }
        public long Ent { get; set; }
        public long EntN { get; set; }
        public long Fgn { get; set; }
        public long FgnN { get; set; }
        public long Oth { get; set; }
        public long OthN { get; set; }
        public long Bas { get; set; }
        public long BasN { get; set; }
        public long App { get; set; }
        public long AppN { get; set; }
        public long Exp { get; set; }
        public long ExpN { get; set; }
        public long SEnt { get; set; }
        public long SInst { get; set; }
        public long SUni { get; set; }
        public long IndN { get; set; }
        public long IndActive { get; set; }
        public long IndInst { get; set; }
        public long IndRd { get; set; }
        public long IndRev { get; set; }
        public long IndRevN { get; set; }
        public long IndRes { get; set; }
        public long IndResN { get; set; }
        public long IndPlat { get; set; }
        public long IndInstAny { get; set; }
        public long Lead { get; set; }
        public long LeadPlat { get; set; }
        public long PInst { get; set; }
        public long PInstN { get; set; }
        public long Pat { get; set; }
        public long PatN { get; set; }
    }

    [GeneratedRegex("^[A-Za-z0-9]+$")]
    private static partial Regex PrefixPattern();

    /// <summary>Every group of the pass; null when a leading prefix is not a plain code (the per-year queries then serve).</summary>
    public static async Task<List<Group>?> ReadAsync(RdInvestDb db, IReadOnlyDictionary<int, IReadOnlyList<string>?> leadingByYear, CancellationToken ct)
    {
        if (leadingByYear.Values.Any(p => p is not null && p.Any(x => !PrefixPattern().IsMatch(x))))
        {
            return null;
        }
        var pg = db.Database.IsNpgsql();
        var ye = pg ? "make_date(r.\"Year\", 12, 31)" : "printf('%04d-12-31', r.\"Year\")";
        var industrial = $"""u."AboveScale" = TRUE AND u."Sector" = '{Sectors.Enterprise}' AND u."IndustryCode" IS NOT NULL AND substr(u."IndustryCode", 1, 1) IN ('B', 'C', 'D')""";
        var certificate = $"""EXISTS (SELECT 1 FROM certifications c WHERE c."UnitId" = u."Id" AND c."Kind" = '{CertificationKinds.Platform}' AND c."Issued" <= {ye} AND (c."Expires" IS NULL OR c."Expires" >= {ye}))""";
        string Platform(bool regionOrAbove) => $"""EXISTS (SELECT 1 FROM platforms p WHERE p."HostUnitId" = u."Id" AND p."RecognisedOn" <= {ye} AND (p."ValidUntil" IS NULL OR p."ValidUntil" >= {ye}){(regionOrAbove ? $" AND p.\"Level\" IN ('{PlatformLevels.National}', '{PlatformLevels.Region}')" : "")})""";
        var leading = Leading(leadingByYear);
        static string Sum(string e) => $"CAST(SUM({e}) AS BIGINT)";
        static string If(string c, string then = "1") => Sum($"CASE WHEN {c} THEN {then} ELSE 0 END");
        var money = new[] { ("Gov", "GovFundsFen"), ("Ent", "EnterpriseFundsFen"), ("Fgn", "ForeignFundsFen"), ("Oth", "OtherFundsFen"),
            ("Bas", "BasicFen"), ("App", "AppliedFen"), ("Exp", "ExperimentalFen") };
        var sql = new StringBuilder("""SELECT u."DivisionCode" AS "D", u."ParkId" AS "K", r."Year" AS "Y", r."Status" AS "St", COUNT(*) AS "N", """);
        sql.Append(CultureInfo.InvariantCulture, $"""{Sum("r.\"RdTotalFen\"")} AS "Rd", """);
        foreach (var (alias, column) in money)
        {
            sql.Append(CultureInfo.InvariantCulture, $"""{Sum($"COALESCE(r.\"{column}\", 0)")} AS "{alias}", COUNT(r."{column}") AS "{alias}N", """);
        }
        sql.Append(CultureInfo.InvariantCulture, $"""
            {If($"u.\"Sector\" = '{Sectors.Enterprise}'", "r.\"RdTotalFen\"")} AS "SEnt",
            {If($"u.\"Sector\" = '{Sectors.Institute}'", "r.\"RdTotalFen\"")} AS "SInst",
            {If($"u.\"Sector\" = '{Sectors.University}'", "r.\"RdTotalFen\"")} AS "SUni",
            {If(industrial)} AS "IndN",
            {If($"{industrial} AND r.\"RdTotalFen\" > 0")} AS "IndActive",
            {If($"{industrial} AND r.\"HasRdInstitution\" = TRUE")} AS "IndInst",
            {If(industrial, "r.\"RdTotalFen\"")} AS "IndRd",
            {If(industrial, "COALESCE(r.\"RevenueFen\", 0)")} AS "IndRev",
            {If($"{industrial} AND r.\"RevenueFen\" IS NOT NULL")} AS "IndRevN",
            {If($"{industrial} AND r.\"HasRdReserve\" = TRUE")} AS "IndRes",
            {If($"{industrial} AND r.\"HasRdReserve\" IS NOT NULL")} AS "IndResN",
            {If($"{industrial} AND ({certificate} OR {Platform(true)})")} AS "IndPlat",
            {If($"{industrial} AND (r.\"HasRdInstitution\" = TRUE OR {Platform(false)})")} AS "IndInstAny",
            {If($"{industrial} AND {leading}")} AS "Lead",
            {If($"{industrial} AND {leading} AND {Platform(true)}")} AS "LeadPlat",
            {If("r.\"HasRdInstitution\" = TRUE")} AS "PInst",
            COUNT(r."HasRdInstitution") AS "PInstN",
            {Sum("COALESCE(r.\"InventionPatents\", 0)")} AS "Pat",
            COUNT(r."InventionPatents") AS "PatN"
            FROM rd_records r JOIN units u ON u."Id" = r."UnitId"
            GROUP BY u."DivisionCode", u."ParkId", r."Year", r."Status"
            """);
        return await db.Database.SqlQueryRaw<Group>(sql.ToString()).ToListAsync(ct);
    }

    /// <summary>The leading-industry condition: each year's prefixes (plain codes, checked) for its records; false without any.</summary>
    private static string Leading(IReadOnlyDictionary<int, IReadOnlyList<string>?> byYear)
    {
        var parts = byYear.Where(y => y.Value is { Count: > 0 }).GroupBy(y => AnalyticsPlan.Join(y.Value), StringComparer.Ordinal)
            .Select(g => $"(r.\"Year\" IN ({string.Join(", ", g.Select(y => y.Key.ToString(CultureInfo.InvariantCulture)))}) AND ("
                + string.Join(" OR ", g.First().Value!.Select(p => $"substr(u.\"IndustryCode\", 1, {p.Length}) = '{p}'")) + "))")
            .ToList();
        return parts.Count == 0 ? "1 = 0" : "(" + string.Join(" OR ", parts) + ")";
    }

    /// <summary>The parts of one year's division measures, summed over parks.</summary>
    public static AnalyticsComputer.YearParts PartsOf(IEnumerable<Group> groups)
    {
        List<AnalyticsComputer.Part> sums = [], above = [], platforms = [], institutions = [], leading = [], hosting = [];
        foreach (var g in groups.GroupBy(g => (g.D, g.St)))
        {
            var (d, st) = g.Key;
            long S(Func<Group, long> f) => g.Sum(f);
            sums.Add(new(d, st, [S(x => x.N), S(x => x.Rd), S(x => x.Gov), S(x => x.GovN), S(x => x.Ent), S(x => x.EntN), S(x => x.Fgn), S(x => x.FgnN),
                S(x => x.Oth), S(x => x.OthN), S(x => x.Bas), S(x => x.BasN), S(x => x.App), S(x => x.AppN), S(x => x.Exp), S(x => x.ExpN),
                S(x => x.SEnt), S(x => x.SInst), S(x => x.SUni)]));
            if (S(x => x.IndN) > 0)
            {
                above.Add(new(d, st, [S(x => x.IndN), S(x => x.IndActive), S(x => x.IndInst), S(x => x.IndRd), S(x => x.IndRev), S(x => x.IndRevN),
                    S(x => x.IndRes), S(x => x.IndResN)]));
                platforms.Add(new(d, st, [S(x => x.IndPlat)]));
            }
            if (S(x => x.IndInstAny) > 0)
            {
                institutions.Add(new(d, st, [S(x => x.IndInstAny)]));
            }
            if (S(x => x.Lead) > 0)
            {
                leading.Add(new(d, st, [S(x => x.Lead)]));
                hosting.Add(new(d, st, [S(x => x.LeadPlat)]));
            }
        }
        return new(sums, above, platforms, institutions, leading, hosting);
    }

    /// <summary>One year's park sums: final records of member units.</summary>
    public static IEnumerable<ParkAnalyticsComputer.ParkSums> ParksOf(IEnumerable<Group> groups) =>
        groups.Where(g => g.K is not null && g.St == DataStatuses.Final).GroupBy(g => g.K!, StringComparer.Ordinal)
            .Select(g => new ParkAnalyticsComputer.ParkSums(g.Key, g.Sum(x => x.N), g.Sum(x => x.Rd), g.Sum(x => x.PInst), g.Sum(x => x.PInstN),
                g.Sum(x => x.Pat), g.Sum(x => x.PatN)));
}
