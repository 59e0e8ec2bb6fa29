using Microsoft.EntityFrameworkCore;
using RdInvest.Common;

namespace RdInvest.Data;

/// <summary>Creates or upgrades the schema with the provider's own migration set.</summary>
public static class Schema
{
    public static async Task EnsureAsync(RdInvestDb db, CancellationToken ct)
    {
        try
        {
            await db.Database.MigrateAsync(ct);
            await Partitioning.RdPartitions.SplitDefaultAsync(db, ct);
            // A database whose records predate the analytics tables gets them filled on its first migration.
            await Analytics.AnalyticsRefresh.EnsureFilledAsync(db, ct);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            throw new UserError($"无法连接或升级数据库：{e.Message}", $"cannot connect to or upgrade the database: {e.Message}");
        }
    }

    /// <summary>Fails with a clear message when `rdinvest db init` has not been run on this database.</summary>
    public static async Task RequireAsync(RdInvestDb db, CancellationToken ct)
    {
        IEnumerable<string> pending;
        try
        {
            pending = await db.Database.GetPendingMigrationsAsync(ct);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            throw new UserError($"无法连接数据库：{e.Message}", $"cannot connect to the database: {e.Message}");
        }
        if (pending.Any())
        {
            throw new UserError("数据库未初始化或版本过旧，请先运行 rdinvest db init",
                "the database is not initialised or is out of date; run `rdinvest db init` first");
        }
    }
}
