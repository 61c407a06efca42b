using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
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
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>();
        return builder;
    }

    /// <summary>
    /// GET /metrics in Prometheus text, as the silo serves it, but only on <see cref="MetricsOptions.Port"/> when that
    /// is set; elsewhere the request goes on and finds no route (404).
    /// </summary>
    public static IApplicationBuilder UseWebMetrics(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<IOptions<MetricsOptions>>().Value;
        return app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == TelemetryExtensions.MetricsPath && options.ServesOn(context.Connection.LocalPort));
    }

    /// <summary>Counts refused requests by reason; first in the pipeline, so it sees the status the client gets.</summary>
    public static IApplicationBuilder UseRejectedRequestCounting(this IApplicationBuilder app) =>
        app.UseMiddleware<RejectedRequestsMiddleware>();
}
