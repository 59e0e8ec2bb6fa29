using System.Text.Encodings.Web;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using RdInvest.Common;

namespace RdInvest.Web.Observability;

/// <summary>
/// Logs and metrics of the web host. Logs: one JSON object per line on the console, with the request's scope (its
/// <c>RequestId</c>, the same id every problem response carries as <c>request_id</c>) on every line written while
/// serving it; <c>Logging__Console__FormatterName=simple</c> gives plain lines. Metrics: OpenTelemetry with ASP.NET
/// Core's request durations by route, the runtime's, and the platform's own (<see cref="RdMetrics"/>), exported over
/// OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (protocol, headers and service name from the
/// other standard <c>OTEL_*</c> variables).
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "rdinvest";

    public static WebApplicationBuilder AddRdInvestTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.PostConfigure<ConsoleLoggerOptions>(o => o.FormatterName ??= ConsoleFormatterNames.Json);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        });
        var export = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter(RdMetrics.MeterName);
                if (export)
                {
                    m.AddOtlpExporter();
                }
            });
        return builder;
    }
}
