using OrleansCases.Hosting;

namespace OrleansCases.Silo;

/// <summary>The silo host as a whole, so that tests host exactly what Program.cs hosts.</summary>
public static class SiloHostExtensions
{
    /// <summary>The silo, its readiness checks, and its metrics and traces.</summary>
    public static WebApplicationBuilder AddCaseSiloHost(this WebApplicationBuilder builder)
    {
        builder.AddCaseSilo();
        builder.AddCasesHealthChecks();
        builder.AddCasesTelemetry();
        return builder;
    }

    /// <summary>Everything the silo's own HTTP port serves: health and metrics, nothing else (no dashboard, no API).</summary>
    public static WebApplication MapCaseSiloEndpoints(this WebApplication app)
    {
        app.MapCasesHealth();
        app.MapCasesMetrics();
        return app;
    }
}
