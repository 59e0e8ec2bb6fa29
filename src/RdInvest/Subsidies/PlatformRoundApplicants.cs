using System.Data.Common;
using RdInvest.Platforms;
using RdInvest.Policy;

namespace RdInvest.Subsidies;

/// <summary>
/// Reads the platforms of a round's year (二(四)11): every platform counting in the year (<see cref="PlatformValidity"/>:
/// recognised by 31 December, valid until then at least) with an evaluation of that year or before, its host unit, and
/// its latest such evaluation. Read on the round's open connection, like the applicants.
/// </summary>
internal static class PlatformRoundApplicants
{
    private const string Counting = """
        p."RecognisedOn" <= @yearend AND (p."ValidUntil" IS NULL OR p."ValidUntil" >= @yearend)
        """;

    public static async Task<IReadOnlyList<PlatformApplicant>> ReadAsync(DbConnection connection, DbTransaction? transaction, int year,
        Func<string, (string Code, string Name)> leagueCity, CancellationToken ct)
    {
        var latest = new Dictionary<string, (int Year, string Grade)>(StringComparer.Ordinal);
        await using (var r = await SubsidyRoundReader.Command(connection, transaction, $"""
            SELECT e."PlatformId", e."Year", e."Grade" FROM platform_evaluations e
            WHERE e."Year" <= @year AND e."PlatformId" IN (SELECT p."Id" FROM platforms p WHERE {Counting})
            """, year).ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var id = r.GetString(0);
                var y = r.GetInt32(1);
                if (!latest.TryGetValue(id, out var had) || y > had.Year)
                {
                    latest[id] = (y, r.GetString(2));
                }
            }
        }
        var platforms = new List<PlatformApplicant>();
        await using (var r = await SubsidyRoundReader.Command(connection, transaction, $"""
            SELECT p."Id", p."Name", p."Type", p."Level", u."CreditCode", u."Name", u."DivisionCode"
            FROM platforms p JOIN units u ON u."Id" = p."HostUnitId" WHERE {Counting}
            """, year).ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                if (latest.TryGetValue(r.GetString(0), out var e))
                {
                    var (code, name) = leagueCity(r.GetString(6));
                    platforms.Add(new PlatformApplicant(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                        code, name, true, e.Year, e.Grade));
                }
            }
        }
        return platforms;
    }
}
