using RdInvest.Data;

namespace RdInvest.Web;

/// <summary>Builds the web host; `rdinvest serve` and Program.cs both start here.</summary>
public static class RdInvestWebHost
{
    public static WebApplication Build(string[] args, DbTarget? db = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var target = db ?? DbTarget.Resolve(builder.Configuration["db"]);
        builder.Services.AddSingleton(target);
        builder.Services.AddScoped(_ => target.CreateContext());
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapHomePage();
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" }));
        return app;
    }
}
