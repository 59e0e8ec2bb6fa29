using System.Globalization;
using System.Text;
using RdInvest.Common;

namespace RdInvest.Bench;

/// <summary>The files <see cref="Generator"/> writes: the units file, the rd file, the first and last year, the row counts.</summary>
public sealed record GeneratedData(string Dir, string Units, string Rd, int FirstYear, int LastYear, int UnitCount, long RdRows, int Enterprises)
{
    public static GeneratedData In(string dir, int units, int years) => new(dir, Path.Combine(dir, "units.csv"), Path.Combine(dir, "rd.csv"),
        Generator.LastYear - years + 1, Generator.LastYear, units, (long)units * years, Generator.EnterpriseCount(units));
}

/// <summary>
/// A deterministic national-scale population as the intake contract's CSV (the columns of <c>rdinvest import units</c>
/// and <c>import rd</c>, money in 万元): N units spread over the real counties of data/im-divisions.csv, nine in ten
/// enterprises, each with an R&amp;D record for every one of Y years ending in <see cref="LastYear"/>. Fixed seed, so
/// two runs write the same bytes. Every row is valid: credit codes carry both check characters, the funds add up to
/// the total, the total stays under half the revenue and moves less than the year-on-year check flags.
/// </summary>
public static class Generator
{
    public const int LastYear = 2023;
    private const int Seed = 20211;
    private static readonly string[] Industries = ["C26", "C27", "C30", "C31", "C32", "C34", "C35", "C38", "C39", "C40", "I65", "M73"];
    private static readonly string[] OtherSectors = ["institute", "university", "other"];

    public static int EnterpriseCount(int units) => units - (units + 9) / 10;

    public static bool IsEnterprise(int i) => i % 10 != 0;

    public static async Task<GeneratedData> WriteAsync(string dir, int units, int years)
    {
        Directory.CreateDirectory(dir);
        var data = GeneratedData.In(dir, units, years);
        var inv = CultureInfo.InvariantCulture;
        var counties = Counties();
        var rnd = new Random(Seed);
        var codes = new string[units];
        var baseRd = new long[units];
        await using (var w = new StreamWriter(data.Units, false, new UTF8Encoding(false), 1 << 16))
        {
            await w.WriteLineAsync("credit_code,name,sector,division_code,industry_code,above_scale,state_owned");
            for (var i = 0; i < units; i++)
            {
                var county = counties[rnd.Next(counties.Length)];
                codes[i] = Code(county, i);
                baseRd[i] = rnd.NextInt64(500, 5_000_000); // yuan ×100 → 万元 with 2 decimals below
                var sector = IsEnterprise(i) ? "enterprise" : OtherSectors[i / 10 % OtherSectors.Length];
                await w.WriteLineAsync(string.Create(inv,
                    $"{codes[i]},样本单位{i:D7},{sector},{county},{Industries[rnd.Next(Industries.Length)]},{(rnd.Next(3) == 0 ? "是" : "否")},{(rnd.Next(20) == 0 ? "是" : "否")}"));
            }
        }
        await using (var w = new StreamWriter(data.Rd, false, new UTF8Encoding(false), 1 << 16))
        {
            await w.WriteLineAsync("credit_code,year,rd_total,gov_funds,enterprise_funds,foreign_funds,other_funds,personnel_headcount,revenue,has_rd_institution");
            for (var y = data.FirstYear; y <= data.LastYear; y++)
            {
                for (var i = 0; i < units; i++)
                {
                    // Total in hundredths of 万元 (so the file has two decimals), drifting ±10 % a year.
                    var total = baseRd[i] * (100 + rnd.Next(-10, 11) + (y - data.FirstYear) * 3) / 100;
                    var gov = total / 5;
                    var foreign = total % 7 == 0 ? total / 20 : 0;
                    var other = total / 50;
                    var enterprise = total - gov - foreign - other;
                    var revenue = total * rnd.Next(4, 60);
                    await w.WriteLineAsync(string.Create(inv,
                        $"{codes[i]},{y},{W(total)},{W(gov)},{W(enterprise)},{W(foreign)},{W(other)},{1 + total / 20_000},{W(revenue)},{(total % 3 == 0 ? "是" : "否")}"));
                }
            }
        }
        return data;
    }

    /// <summary>Hundredths of 万元 as the file's decimal text.</summary>
    private static string W(long hundredths) => (hundredths / 100m).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A valid credit code: 9 (market regulator) 1 (enterprise), the county, an organisation code with its GB 11714
    /// check, and the GB 32100 check character.</summary>
    private static string Code(string county, int i)
    {
        var org = i.ToString("D8", CultureInfo.InvariantCulture);
        return CreditCode.Complete("91" + county + org + CreditCode.OrganisationCheck(org));
    }

    private static string[] Counties()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "im-divisions.csv");
        return File.ReadLines(file).Skip(1).Select(l => l.Split(',')).Where(c => c[3] == "county").Select(c => c[0]).ToArray();
    }
}
