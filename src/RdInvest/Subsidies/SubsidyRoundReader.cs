using System.Data.Common;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Policy;

namespace RdInvest.Subsidies;

/// <summary>
/// Reads a round's applicants set-based on the connection itself (no EF query, no entity per record): one pass over
/// the enterprises with a record of year − 1 (year − 2 joined on the unique unit/year index), one over their high-tech
/// certificates, one over their prior R1/R2 payments, one over the divisions. The applicants are a subquery, never a
/// parameter per enterprise. Lines come back in credit-code order (ordinal); the platforms of the year with them.
/// </summary>
internal static class SubsidyRoundReader
{
    private const string Applicants = """
        SELECT u."Id" FROM units u JOIN rd_records r ON r."UnitId" = u."Id" WHERE u."Sector" = @sector AND r."Year" = @prevyear
        """;

    public static async Task<SubsidyRoundInputs> ReadAsync(DbConnection connection, DbTransaction? transaction, int year, CancellationToken ct)
    {
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }
        try
        {
            return await ReadOpenAsync(connection, transaction, year, ct);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static async Task<SubsidyRoundInputs> ReadOpenAsync(DbConnection connection, DbTransaction? transaction, int year, CancellationToken ct)
    {
        var divisions = new Dictionary<string, (string Code, string Name)>(StringComparer.Ordinal);
        var raw = new Dictionary<string, (string Name, string Level, string? Parent)>(StringComparer.Ordinal);
        await using (var r = await Command(connection, transaction, """SELECT "Code", "NameZh", "Level", "ParentCode" FROM divisions""", year).ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                raw[r.GetString(0)] = (r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3));
            }
        }
        (string Code, string Name) LeagueCity(string code)
        {
            if (divisions.TryGetValue(code, out var known))
            {
                return known;
            }
            // A unit sits in a county; its league/city is the county's parent. Units registered directly at
            // league/city or region level count there.
            var found = !raw.TryGetValue(code, out var d) ? (code, code)
                : d.Level == DivisionLevels.County && d.Parent is { } parent && raw.TryGetValue(parent, out var p) ? (parent, p.Name)
                : (code, d.Name);
            divisions[code] = found;
            return found;
        }

        var certificates = new Dictionary<long, List<HteCertificate>>();
        await using (var r = await Command(connection, transaction, $"""
            SELECT c."UnitId", c."Issued", c."Relocated" FROM certifications c
            WHERE c."Kind" = @kind AND c."UnitId" IN ({Applicants})
            """, year).ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var unit = r.GetInt64(0);
                if (!certificates.TryGetValue(unit, out var list))
                {
                    certificates[unit] = list = [];
                }
                list.Add(new HteCertificate(r.GetFieldValue<DateOnly>(1), !r.IsDBNull(2) && r.GetBoolean(2)));
            }
        }

        // The first payment (lowest id) per enterprise and rule, as the payments table holds at most one per period.
        var payments = new Dictionary<(long Unit, string Rule), (long Id, PriorPayment Payment)>();
        await using (var r = await Command(connection, transaction, $"""
            SELECT p."UnitId", p."RuleId", p."Year", p."AmountFen", p."PaidOn", p."Source", p."Id" FROM payments p
            WHERE (p."RuleId" = 'R1' OR (p."RuleId" = 'R2' AND p."Year" = @year)) AND p."UnitId" IS NOT NULL AND p."UnitId" IN ({Applicants})
            """, year).ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var key = (r.GetInt64(0), r.GetString(1));
                var id = r.GetInt64(6);
                if (!payments.TryGetValue(key, out var had) || id < had.Id)
                {
                    payments[key] = (id, new PriorPayment(r.GetInt32(2), Money.ToYuan(r.GetInt64(3)), r.GetFieldValue<DateOnly>(4), r.GetString(5)));
                }
            }
        }
        PriorPayment? Paid(long unit, string rule) => payments.TryGetValue((unit, rule), out var p) ? p.Payment : null;

        var applicants = new List<SubsidyApplicant>();
        // Ordered by the database (byte order: SQLite's BINARY, PostgreSQL's "C"), checked here against .NET's ordinal order.
        var sorted = true;
        await using (var r = await Command(connection, transaction, $"""
            SELECT u."Id", u."CreditCode", u."Name", u."DivisionCode", r."RdTotalFen", r."RevenueFen", r2."RdTotalFen"
            FROM units u
            JOIN rd_records r ON r."UnitId" = u."Id" AND r."Year" = @prevyear
            LEFT JOIN rd_records r2 ON r2."UnitId" = u."Id" AND r2."Year" = @prevprev
            WHERE u."Sector" = @sector
            ORDER BY u."CreditCode" {(connection is Npgsql.NpgsqlConnection ? "COLLATE \"C\"" : "")}
            """, year).ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var unit = r.GetInt64(0);
                var (code, name) = LeagueCity(r.GetString(3));
                applicants.Add(new SubsidyApplicant(r.GetString(1), r.GetString(2), code, name,
                    Money.ToYuan(r.GetInt64(4)),
                    Money.ToYuan(r.IsDBNull(5) ? 0L : r.GetInt64(5)),
                    r.IsDBNull(6) ? null : Money.ToYuan(r.GetInt64(6)))
                {
                    HteCertificates = certificates.TryGetValue(unit, out var c) ? c : [],
                    R1Paid = Paid(unit, "R1"),
                    R2Paid = Paid(unit, "R2"),
                });
                sorted = sorted && (applicants.Count < 2 || string.CompareOrdinal(applicants[^2].CreditCode, applicants[^1].CreditCode) < 0);
            }
        }
        if (!sorted)
        {
            applicants.Sort((a, b) => string.CompareOrdinal(a.CreditCode, b.CreditCode));
        }
        var platforms = await PlatformRoundApplicants.ReadAsync(connection, transaction, year, LeagueCity, ct);
        return new SubsidyRoundInputs(applicants, platforms);
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, int year)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        Add(command, "sector", Sectors.Enterprise);
        Add(command, "kind", CertificationKinds.HighTech);
        Add(command, "year", year);
        Add(command, "prevyear", year - 1);
        Add(command, "prevprev", year - 2);
        Add(command, "yearend", Platforms.PlatformValidity.YearEnd(year));
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        if (!command.CommandText.Contains("@" + name, StringComparison.Ordinal))
        {
            return;
        }
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
