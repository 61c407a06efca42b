using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrleansCases.Abstractions;

namespace OrleansCases.Hosting;

/// <summary>
/// Metrics, traces and logs as a monitoring stack expects them, the same on silo and web: Prometheus text at
/// GET /metrics (the Orleans meters, ASP.NET Core's and ours), traces of Orleans calls and ours exported over OTLP
/// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and JSON logs outside Development.
/// </summary>
public static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";

    /// <summary>The Orleans meter; its instruments read orleans_* in Prometheus.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>
    /// Grain calls as spans: Orleans 10 reports our grains' calls under its runtime source, along with its timers and
    /// membership, so sample with the standard OTEL_TRACES_SAMPLER settings where that is too much.
    /// </summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Microsoft.Orleans.Storage"];

    public static IHostApplicationBuilder AddCasesTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(OrleansMeter, CaseTelemetry.Name).AddAspNetCoreInstrumentation().AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            // Only with somewhere to send them: recorded spans nobody exports would cost every grain call.
            telemetry.WithTracing(tracing => tracing
                .AddSource([.. OrleansSources, CaseTelemetry.Name])
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                .AddOtlpExporter());
        }

        if (!builder.Environment.IsDevelopment())
        {
            // One JSON object per line, for a log shipper. Request logging stays at Warning in appsettings: the
            // hub's bearer token travels in its URL's query string.
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }

        return builder;
    }

    /// <summary>GET /metrics in Prometheus text format, open to the scraper like the health probes.</summary>
    public static IEndpointConventionBuilder MapCasesMetrics(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath);

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsPath);
}
