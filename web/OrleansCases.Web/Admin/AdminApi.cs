using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Dashboard;
using OrleansCases.Abstractions;
using OrleansCases.Web.Identity;

namespace OrleansCases.Web.Admin;

/// <summary>
/// What administrators watch: the Orleans dashboard, served by this web instance through its cluster client (the
/// silos collect, the web shows; the silos' own HTTP ports never serve it), and the cluster view of the portal.
/// Both require the admin role; anyone else gets 401 or 403.
/// </summary>
public static class AdminApi
{
    public const string DashboardPath = "/admin/dashboard";

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapOrleansDashboard(DashboardPath).RequireAuthorization(AuthPolicies.Admin);
        app.MapGet("/api/admin/cluster", ClusterAsync).RequireAuthorization(AuthPolicies.Admin).RequireRateLimiting(RateLimitPolicies.PerUser);
        return app;
    }

    /// <summary>Silos with their status and activations, and every web instance's last report.</summary>
    public static async Task<Ok<ClusterResponse>> ClusterAsync(IClusterClient cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var management = cluster.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: false);
        var active = hosts.Where(h => h.Status == SiloStatus.Active).Select(h => h.SiloAddress).ToArray();
        var statistics = active.Length == 0 ? [] : await management.GetRuntimeStatistics(active);
        var activations = active.Zip(statistics).ToDictionary(p => p.First, p => p.Second.ActivationCount);
        var silos = hosts
            .OrderBy(h => h.SiloName, StringComparer.Ordinal)
            .Select(h => new SiloResponse(
                h.SiloName, h.SiloAddress.ToParsableString(), h.Status.ToString(), h.StartTime, h.IAmAliveTime,
                activations.TryGetValue(h.SiloAddress, out var count) ? count : null))
            .ToList();
        var webs = await cluster.GetGrain<IWebInstancesGrain>(0).ListAsync();
        return TypedResults.Ok(new ClusterResponse(silos, activations.Values.Sum(), webs));
    }
}
