using Microsoft.AspNetCore.HttpOverrides;
using System.Text.Json;
using RdInvest.Accounts;
using RdInvest.Data;
using RdInvest.Web.Api;
using RdInvest.Web.Health;
using RdInvest.Web.Observability;
using RdInvest.Web.Pages;
using RdInvest.Web.Routing;
using RdInvest.Web.Security;
using Scalar.AspNetCore;

namespace RdInvest.Web;

/// <summary>Builds the web host; `rdinvest serve` and Program.cs both start here.</summary>
public static class RdInvestWebHost
{
    public static WebApplication Build(string[] args, DbTarget? db = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var target = (db ?? DbTarget.Resolve(builder.Configuration["db"])).ForHost();
        builder.Services.AddSingleton(target);
        // One line per request at Information is noise on an officer's console; warnings and errors still show.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped(_ => target.CreateContext());
        var read = ReadRouting.Resolve(builder.Configuration["read-db"], target);
        builder.Services.AddRdInvestReadRouting(read);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ApiContext>();
        builder.Services.AddScoped(sp => new ScopeService(sp.GetRequiredService<RdInvestDb>(),
            UserScope.From(sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User)
            ?? throw new InvalidOperationException("scope asked for without a signed-in user")));
        builder.Services.ConfigureHttpJsonOptions(o => Common.JsonDefaults.Configure(o.SerializerOptions));
        builder.Services.AddScoped(sp => new Plans.PlanResolver(sp.GetRequiredService<RdInvestDb>()));
        builder.Services.AddScoped(sp => new Calculation.CalcHandler(sp.GetRequiredService<Plans.PlanResolver>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddRdInvestProblems();
        builder.Services.AddValidation();
        builder.Services.AddRdInvestAuth(PasswordPolicy.From(key => builder.Configuration[key]));
        builder.Services.AddRdInvestOpenApi();
        builder.Services.AddRdInvestPages();
        builder.Services.AddRdInvestHealth();
        builder.AddRdInvestHardening();
        builder.AddRdInvestTelemetry();
        // Imports from the pages run in the background (the request returns at once; the page polls the job).
        builder.Services.AddSingleton(sp => new Imports.ImportJobs(Imports.ImportJobs.FolderFor(builder.Configuration["uploads"], target), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<Imports.ImportWorker>();

        var app = builder.Build();
        app.UseProxyAndHsts();
        app.UseRefusalAudit();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseBodyLimits();
        app.UseRdInvestPages();
        app.UseRequestTimeouts();
        app.UseAuthentication();
        app.UseReadYourWrites(read);
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseCookieCsrf();
        app.UseAntiforgery();

        // Table of contents: the pages (Pages/, access from Accounts/PageAccess), then one API group per feature.
        app.MapRazorPages();
        app.MapRdInvestHealth();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        var api = app.MapGroup("/api/v1").AddEndpointFilter<YearFilter>().AddEndpointFilter<ScopeFilter>().WithStandardProblems();
        api.MapAccountApi();
        api.MapDivisionsApi();
        api.MapUnitsApi();
        api.MapImportsApi();
        api.MapIndicatorsApi();
        api.MapProgressApi();
        api.MapReconcileApi();
        api.MapReportingQualityApi();
        api.MapParksApi();
        api.MapAssessmentApi();
        api.MapNotificationsApi();
        api.MapRulesApi();
        api.MapSubsidyRoundsApi();
        api.MapFinanceRoundsApi();
        api.MapPaymentsApi();
        api.MapApprovalsApi();
        api.MapUsersApi();
        api.MapAuditApi();
        api.MapFinanceApi();
        return app;
    }
}
