using Microsoft.Extensions.Diagnostics.HealthChecks;
using RdInvest.Common;
using RdInvest.Data;

namespace RdInvest.Web.Health;

/// <summary>Ready when the database answers and its schema is migrated to this build (`rdinvest db init` has run).</summary>
public sealed class DatabaseReadyCheck(DbTarget target) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = target.CreateContext();
            await Schema.RequireAsync(db, cancellationToken);
            return HealthCheckResult.Healthy("数据库可用且已迁移 / the database answers and is migrated");
        }
        catch (UserError e)
        {
            return HealthCheckResult.Unhealthy($"{e.MessageZh} / {e.MessageEn}");
        }
    }
}
