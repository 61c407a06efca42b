using Microsoft.Extensions.DependencyInjection;
using OrleansCases.Abstractions;
using OrleansCases.Grains.ReadModel;

namespace OrleansCases.Grains;

/// <summary>The reports of the web instances, in memory; an instance silent for <see cref="Forget"/> is dropped.</summary>
public sealed class WebInstancesGrain([FromKeyedServices(CaseClock.Key)] TimeProvider clock) : Grain, IWebInstancesGrain
{
    /// <summary>Six missed reports: the instance is gone (stopped, crashed, or cut off from the cluster).</summary>
    public static readonly TimeSpan Forget = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, WebInstanceReport> _reports = new(StringComparer.Ordinal);

    public Task ReportAsync(WebInstanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _reports[report.Instance] = report;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WebInstanceReport>> ListAsync()
    {
        var cutoff = clock.GetUtcNow() - Forget;
        foreach (var stale in _reports.Values.Where(r => r.At < cutoff).ToList())
        {
            _reports.Remove(stale.Instance);
        }

        return Task.FromResult<IReadOnlyList<WebInstanceReport>>([.. _reports.Values.OrderBy(r => r.Instance, StringComparer.Ordinal)]);
    }
}
