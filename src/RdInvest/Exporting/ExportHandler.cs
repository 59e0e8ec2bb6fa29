using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RdInvest.Common;
using RdInvest.Data;
using RdInvest.Importing;

namespace RdInvest.Exporting;

/// <param name="Kind">One of the import kinds.</param>
/// <param name="Out">Output .csv or .xlsx.</param>
/// <param name="Year">Only this year (kinds with a year; certifications by issue year).</param>
/// <param name="Division">Only this division and the divisions under it.</param>
/// <param name="LabelsZh">Chinese labels (with units) as headers instead of the English keys.</param>
/// <param name="Unit">Money unit of the file.</param>
/// <param name="By">Who exports (audited as <c>data.export</c>); the command line's operator when null.</param>
public sealed record ExportRequest(
    string Kind, string Out, int? Year = null, string? Division = null, bool LabelsZh = false,
    MoneyUnit Unit = MoneyUnit.TenThousandYuan, Auditing.Actor? By = null);

public sealed record ExportResult(string Kind, string File, long Rows);

/// <summary>
/// Exports a kind in exactly the columns and units it is imported with, so export → import changes nothing.
/// Streams from the database to the file.
/// </summary>
public sealed class ExportHandler(RdInvestDb db)
{
    public async Task<ExportResult> HandleAsync(ExportRequest request, CancellationToken ct)
    {
        var kind = ImportKinds.Get(request.Kind);
        TabularFileWriter.CheckPath(request.Out);
        var t = KindTable.For(db, kind.Entity);
        var units = KindTable.For(db, typeof(ReportingUnit));
        var parks = KindTable.For(db, typeof(Park));
        static string Q(string n) => IBulkLoader.Quote(n);

        var select = kind.Columns.Select(c => c.Type == CellType.UnitRef
            ? $"u.{Q(units.Column(nameof(ReportingUnit.CreditCode)))}"
            : $"t.{Q(t.Column(c.Property))}");
        var unitRef = kind.Columns.FirstOrDefault(c => c.Type == CellType.UnitRef);
        var sql = $"SELECT {string.Join(", ", select)} FROM {Q(t.Table)} t";
        if (unitRef is not null)
        {
            sql += $" JOIN {Q(units.Table)} u ON u.{Q(units.Column(nameof(ReportingUnit.Id)))} = t.{Q(t.Column(unitRef.Property))}";
        }
        if (kind.DivisionPath == ExportDivisionPath.Payment)
        {
            var pay = KindTable.For(db, typeof(IncentivePayment));
            sql += $" JOIN {Q(pay.Table)} pay ON pay.{Q(pay.Column(nameof(IncentivePayment.Id)))} = t.{Q(t.Column(nameof(AwardUse.PaymentId)))}"
                + $" JOIN {Q(units.Table)} u ON u.{Q(units.Column(nameof(ReportingUnit.Id)))} = pay.{Q(pay.Column(nameof(IncentivePayment.UnitId)))}";
        }
        if (kind.DivisionPath == ExportDivisionPath.Park)
        {
            sql += $" JOIN {Q(parks.Table)} p ON p.{Q(parks.Column(nameof(Park.Id)))} = t.{Q(t.Column(nameof(ParkFigure.ParkId)))}";
        }
        if (kind.DivisionPath == ExportDivisionPath.Platform)
        {
            var platforms = KindTable.For(db, typeof(Platforms.Platform));
            sql += $" JOIN {Q(platforms.Table)} pl ON pl.{Q(platforms.Column(nameof(Platforms.Platform.Id)))} = t.{Q(t.Column(nameof(Platforms.PlatformEvaluation.PlatformId)))}" +
                $" JOIN {Q(units.Table)} u ON u.{Q(units.Column(nameof(ReportingUnit.Id)))} = pl.{Q(platforms.Column(nameof(Platforms.Platform.HostUnitId)))}";
        }
        var where = new List<string>();
        var yearColumn = kind.Find("year");
        if (request.Year is not null && yearColumn is not null)
        {
            where.Add($"t.{Q(t.Column(yearColumn.Property))} = @year");
        }
        if (!string.IsNullOrWhiteSpace(request.Division))
        {
            var divisionCode = kind.DivisionPath switch
            {
                ExportDivisionPath.Self => $"t.{Q(t.Column("DivisionCode"))}",
                ExportDivisionPath.Unit or ExportDivisionPath.Payment or ExportDivisionPath.Platform => $"u.{Q(units.Column(nameof(ReportingUnit.DivisionCode)))}",
                _ => $"p.{Q(parks.Column(nameof(Park.DivisionCode)))}",
            };
            where.Add($"{divisionCode} LIKE @division");
        }
        if (where.Count > 0)
        {
            sql += " WHERE " + string.Join(" AND ", where);
        }
        sql += " ORDER BY " + string.Join(", ", kind.Columns.Select((c, i) => (c, i)).Where(x => x.c.IsKey).Select(x => (x.i + 1).ToString(CultureInfo.InvariantCulture)));

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        AddParameter(cmd, "@year", request.Year);
        AddParameter(cmd, "@division", request.Division is { } d ? DivisionPrefix(d) + "%" : null);
        await using var reader = await cmd.ExecuteReaderAsync(ct);

        var factor = Money.UnitFactor(request.Unit);
        var headers = kind.Columns.Select(c => request.LabelsZh ? c.HeaderZh(request.Unit) : c.Key).ToList();
        long count = 0;
        IEnumerable<object?[]> Rows()
        {
            var issued = kind.YearDateKey is { } dateKey ? kind.IndexOf(dateKey) : -1;
            while (reader.Read())
            {
                var row = new object?[kind.Columns.Count];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : Format(kind.Columns[i], reader.GetValue(i), factor, request.LabelsZh);
                }
                // Kinds without a year column (certificates, loans, financing) are selected by their dated column's year.
                if (request.Year is { } y && yearColumn is null && issued >= 0
                    && row[issued] is string s && !s.StartsWith(y.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
                {
                    continue;
                }
                count++;
                yield return row;
            }
        }
        TabularFileWriter.Write(request.Out, headers, Rows());
        // The reader holds the connection (PostgreSQL allows one command at a time on it): closed before the audit.
        await reader.DisposeAsync();
        await cmd.DisposeAsync();
        // The file names units (and people in some kinds): who exported what is audited.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            Auditing.AuditLog.Append(db, request.By ?? Auditing.Actor.Cli(), "data.export", "export", kind.Name, null,
                new { kind = kind.Name, year = request.Year, division = request.Division, rows = count, file = Path.GetFileName(request.Out) }, DateTime.UtcNow);
            await Auditing.AuditChain.SealAsync(db, ct);
            await tx.CommitAsync(ct);
        }
        return new ExportResult(kind.Name, request.Out, count);
    }

    /// <summary>150000 → "15", 150100 → "1501", 150102 → "150102": GB/T 2260 codes nest by prefix.</summary>
    internal static string DivisionPrefix(string code)
    {
        var c = code.Trim();
        while (c.Length > 2 && c.EndsWith("00", StringComparison.Ordinal))
        {
            c = c[..^2];
        }
        return c;
    }

    private static void AddParameter(DbCommand cmd, string name, object? value)
    {
        if (value is null)
        {
            return;
        }
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    internal static object? Format(ImportColumn column, object value, decimal factor, bool zh)
    {
        var inv = CultureInfo.InvariantCulture;
        return column.Type switch
        {
            CellType.Money => Normal(Money.ToYuan(Convert.ToInt64(value, inv)) / factor),
            CellType.Fte => Normal(Convert.ToInt64(value, inv) / 100m),
            CellType.Percent => Normal(Convert.ToInt64(value, inv) / 10_000m),
            // A rate is written as the fraction it is (4.35 % → 0.0435), which imports back to the same value.
            CellType.Rate => Normal(Convert.ToInt64(value, inv) / 1_000_000m),
            CellType.Score => Normal(Convert.ToInt64(value, inv) / 100m),
            CellType.Count or CellType.Year => Convert.ToInt32(value, inv),
            CellType.Bool => (value is bool b ? b : Convert.ToInt64(value, inv) != 0) ? (zh ? "是" : "true") : (zh ? "否" : "false"),
            CellType.Date => (value switch
            {
                DateOnly d => d,
                DateTime dt => DateOnly.FromDateTime(dt),
                _ => DateOnly.Parse(Convert.ToString(value, inv)!, inv),
            }).ToString("yyyy-MM-dd", inv),
            _ => Convert.ToString(value, inv),
        };
    }

    /// <summary>Drops trailing zeros (12.500000 → 12.5) without changing the value.</summary>
    private static decimal Normal(decimal d) => d / 1.000000000000000000000000000000000m;
}
