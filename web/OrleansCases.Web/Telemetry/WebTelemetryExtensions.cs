using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansCases.Hosting;

namespace OrleansCases.Web.Telemetry;

public static class WebTelemetryExtensions
{
    /// <summary>Metrics, traces and JSON logs (<see cref="TelemetryExtensions"/>), our web metrics, and the instance reports.</summary>
    public static WebApplicationBuilder AddWebTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddCasesTelemetry();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WebMetrics>();
        builder.Services.AddHostedService<WebInstanceReporter>();
        return builder;
    }

    /// <summary>Counts refused requests by reason; first in the pipeline, so it sees the status the client gets.</summary>
    public static IApplicationBuilder UseRejectedRequestCounting(this IApplicationBuilder app) =>
        app.UseMiddleware<RejectedRequestsMiddleware>();
}
