using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansCases.Web.Live;

/// <summary>Not ready until the bridge follows every region: a balancer sends no client here before then.</summary>
public sealed class BridgeHealthCheck(CaseEventBridge bridge) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(bridge.Ready.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The bridge has not subscribed to every region's stream yet."));
}
