using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Dashboard;
using OrleansCases.Abstractions;
using OrleansCases.Web.Http;
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
        app.MapGet("/api/admin/cluster", ClusterAsync).WithTags("Admin").WithName("GetCluster").WithSummary("Silos, activations and web instances (admins only).").ProducesProblem(403).RequireAuthorization(AuthPolicies.Admin).AddEndpointFilter<DeadlineFilter>().RequireRateLimiting(RateLimitPolicies.PerUser);
        return app;
    }

    /// <summary>How long one silo may take to report its activations; a silo just killed answers never.</summary>
    private static readonly TimeSpan _statisticsTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Dead silos stay in membership for days: only those that died lately are worth showing.</summary>
    private static readonly TimeSpan _recentlyDead = TimeSpan.FromHours(1);

    /// <summary>Silos with their status and activations, and every web instance's last report.</summary>
    public static async Task<Ok<ClusterResponse>> ClusterAsync(IClusterClient cluster, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(clock);
        var management = cluster.GetGrain<IManagementGrain>(0);
        var now = clock.GetUtcNow().UtcDateTime;
        var hosts = (await management.GetDetailedHosts(onlyActive: false))
            .Where(h => h.Status != SiloStatus.Dead || now - h.IAmAliveTime < _recentlyDead)
            .OrderBy(h => h.SiloName, StringComparer.Ordinal)
            .ToList();
        // One silo at a time, each with a deadline: a silo that still counts as active but is gone must not hold up the rest.
        var counts = await Task.WhenAll(hosts.Select(h => h.Status == SiloStatus.Active ? ActivationsAsync(management, h.SiloAddress) : Task.FromResult<int?>(null)));
        var silos = hosts
            .Select((h, i) => new SiloResponse(h.SiloName, h.SiloAddress.ToParsableString(), h.Status.ToString(), h.StartTime, h.IAmAliveTime, counts[i]))
            .ToList();
        var webs = await cluster.GetGrain<IWebInstancesGrain>(0).ListAsync();
        return TypedResults.Ok(new ClusterResponse(silos, counts.Sum(c => c ?? 0), webs));
    }

    private static async Task<int?> ActivationsAsync(IManagementGrain management, SiloAddress silo)
    {
        try
        {
            var statistics = await management.GetRuntimeStatistics([silo]).WaitAsync(_statisticsTimeout);
            return statistics[0].ActivationCount;
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            return null;
        }
    }
}
