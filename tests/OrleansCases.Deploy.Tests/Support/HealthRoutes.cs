using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrleansCases.Hosting;
using Xunit;

namespace OrleansCases.Deploy.Tests.Support;

/// <summary>The health endpoints both hosts map (HealthEndpoints.MapCasesHealth), read from its route table.</summary>
public static class HealthRoutes
{
    public static IReadOnlyList<string> All { get; } = Read();

    public static string Live => Assert.Single(All, r => r.EndsWith("/live", StringComparison.Ordinal));

    public static string Ready => Assert.Single(All, r => r.EndsWith("/ready", StringComparison.Ordinal));

    private static string[] Read()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddHealthChecks();
        using var app = builder.Build();
        app.MapCasesHealth();
        return [.. ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(d => d.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))];
    }
}
