using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Platforms;

/// <summary>
/// The inputs of platform-post-subsidy (二(四)11) for a platform and year, from the records: its level, whether it counts in
/// the year (<see cref="PlatformValidity"/>), and the grade of its latest evaluation of that year or before. Inputs the
/// caller gives win.
/// </summary>
public sealed class PlatformSubsidyInputsHandler(RdInvestDb db)
{
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> FillAsync(
        string platformId, int year, IReadOnlyList<KeyValuePair<string, string>> given, CancellationToken ct)
    {
        if (!Bounds.IsYear(year))
        {
            throw new UserError($"年度 {year} 不在有效范围（{Bounds.MinYear}–{Bounds.MaxYear}）",
                $"year {year} is out of range ({Bounds.MinYear}–{Bounds.MaxYear})", exitCode: 2);
        }
        var platform = await db.Platforms.AsNoTracking().FirstOrDefaultAsync(p => p.Id == platformId, ct)
            ?? throw new UserError($"没有创新平台 {platformId}（请先导入 platforms）", $"no platform {platformId} (import platforms first)", exitCode: 2);
        var evaluation = await db.PlatformEvaluations.AsNoTracking()
            .Where(e => e.PlatformId == platformId && e.Year <= year)
            .OrderByDescending(e => e.Year)
            .Select(e => new { e.Year, e.Grade })
            .FirstOrDefaultAsync(ct)
            ?? throw new UserError($"创新平台 {platformId} 在 {year} 年及以前没有运行绩效评价", $"platform {platformId} has no evaluation in or before {year}", exitCode: 2);
        var inv = CultureInfo.InvariantCulture;
        var values = given.ToList();
        void Fill(string name, string value)
        {
            if (!values.Exists(v => v.Key == name))
            {
                values.Add(new(name, value));
            }
        }
        Fill("level", platform.Level);
        Fill("grade", evaluation.Grade);
        Fill("year", year.ToString(inv));
        Fill("valid", PlatformValidity.CountsIn(platform, year) ? "true" : "false");
        Fill("evaluation_year", evaluation.Year.ToString(inv));
        return values;
    }
}
