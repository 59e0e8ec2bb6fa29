using RdInvest.Web;

var app = RdInvestWebHost.Build(args);
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
