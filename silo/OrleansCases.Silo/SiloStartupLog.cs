using Microsoft.Extensions.Options;
using OrleansCases.Hosting;

namespace OrleansCases.Silo;

/// <summary>Says once, at start, which cluster this silo serves and how; never the connection string.</summary>
public sealed partial class SiloStartupLog(IOptions<CasesClusterOptions> cluster, ILogger<SiloStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = cluster.Value;
        Starting(logger, o.ServiceId, o.ClusterId, o.Clustering, o.Streams, o.SiloPort, o.GatewayPort);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Information,
        "Silo of service {ServiceId}, cluster {ClusterId}: clustering {Clustering}, streams {Streams}, silo port {SiloPort}, gateway port {GatewayPort}")]
    private static partial void Starting(
        ILogger logger, string serviceId, string clusterId, ClusteringKind clustering, StreamsKind streams, int siloPort, int gatewayPort);
}
