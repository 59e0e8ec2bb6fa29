using RdInvest.Accounts;
using RdInvest.Auditing;
using RdInvest.Data;

namespace RdInvest.Web.Api;

/// <summary>What every API handler gets: the database, the scope of the signed-in user, the clock, the request.</summary>
public sealed class ApiContext(RdInvestDb db, IServiceProvider services, TimeProvider clock, IHttpContextAccessor http)
{
    public RdInvestDb Db => db;

    /// <summary>The context for read-only handlers: on the standbys when read-db is set (see Routing/ReadReplicas).</summary>
    public RdInvestDb ReadDb => services.GetRequiredKeyedService<RdInvestDb>(ReadRouting.Key);
    public TimeProvider Clock => clock;
    public HttpContext Http => http.HttpContext ?? throw new InvalidOperationException("no request");

    /// <summary>The user's scope; only resolved for signed-in requests.</summary>
    public ScopeService Scope => services.GetRequiredService<ScopeService>();
    public UserScope User => Scope.User;
    public Actor Actor => new(User.Name, Http.TraceIdentifier);
    public CancellationToken Ct => Http.RequestAborted;
}
