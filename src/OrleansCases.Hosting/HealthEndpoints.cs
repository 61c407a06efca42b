using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OrleansCases.Hosting;

public static class HealthEndpoints
{
    /// <summary>The tag of the checks /health/ready runs; a host adds its own checks with it.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Readiness checks: the cluster answers and storage answers. Liveness has none: the process runs.</summary>
    public static IHostApplicationBuilder AddCasesHealthChecks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("cluster", tags: [ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>GET /health/live and /health/ready, 200 or 503, open to anonymous probes.</summary>
    public static IEndpointRouteBuilder MapCasesHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
