using Microsoft.Extensions.DependencyInjection;
using OrleansCases.Abstractions;
using OrleansCases.Grains.ReadModel;

namespace OrleansCases.Grains;

/// <summary>The reports of the web instances, in memory; an instance silent for <see cref="Forget"/> is dropped.</summary>
public sealed class WebInstancesGrain([FromKeyedServices(CaseClock.Key)] TimeProvider clock) : Grain, IWebInstancesGrain
{
    /// <summary>Six missed reports: the instance is gone (stopped, crashed, or cut off from the cluster).</summary>
    public static readonly TimeSpan Forget = TimeSpan.FromSeconds(30);

    // With the time each report arrived, by this silo's clock: the web's clock may be off.
    private readonly Dictionary<string, (WebInstanceReport Report, DateTimeOffset ReceivedAt)> _reports = new(StringComparer.Ordinal);

    public Task ReportAsync(WebInstanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _reports[report.Instance] = (report, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WebInstanceReport>> ListAsync()
    {
        var cutoff = clock.GetUtcNow() - Forget;
        foreach (var stale in _reports.Where(r => r.Value.ReceivedAt < cutoff).Select(r => r.Key).ToList())
        {
            _reports.Remove(stale);
        }

        return Task.FromResult<IReadOnlyList<WebInstanceReport>>(
            [.. _reports.Values.Select(r => r.Report).OrderBy(r => r.Instance, StringComparer.Ordinal)]);
    }
}
