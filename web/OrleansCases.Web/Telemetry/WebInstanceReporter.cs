using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OrleansCases.Abstractions;

namespace OrleansCases.Web.Telemetry;

/// <summary>
/// Tells the cluster every few seconds how this instance is doing (<see cref="IWebInstancesGrain"/>), so that the
/// admin view shows every web instance, not just the one the admin is connected to.
/// </summary>
public sealed class WebInstanceReporter(
    IClusterClient cluster, WebMetrics metrics, IServer server, IHostApplicationLifetime lifetime, TimeProvider clock,
    ILogger<WebInstanceReporter> logger)
    : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Only once the server listens is its address known: the name must not change between reports.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        var name = Name();
        var startedAt = clock.GetUtcNow();
        var (lastAt, lastDelivered) = (startedAt, metrics.DeliveredTotal);
        using var timer = new PeriodicTimer(Period, clock);
        try
        {
            do
            {
                var now = clock.GetUtcNow();
                var delivered = metrics.DeliveredTotal;
                var seconds = Math.Max(0.001, (now - lastAt).TotalSeconds);
                var report = new WebInstanceReport(
                    name, startedAt, now, metrics.Connections(), (delivered - lastDelivered) / seconds, metrics.TakeMaxLag().TotalMilliseconds);
                (lastAt, lastDelivered) = (now, delivered);
                try
                {
                    // Bounded by the stop: with the cluster gone the call would wait for its response timeout.
                    await cluster.GetGrain<IWebInstancesGrain>(0).ReportAsync(report).WaitAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The cluster is unreachable; the health check says so. The next report tries again.
                    TelemetryLog.ReportFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Host and listening address: what an operator recognises (e.g. web-7f9c:5080).</summary>
    private string Name()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var port = address is not null && Uri.TryCreate(address, UriKind.Absolute, out var uri)
            ? uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : $"{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
        return $"{Environment.MachineName}:{port}";
    }
}
