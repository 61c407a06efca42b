using System.Net;
using Azure.Data.Tables;
using Orleans.Configuration;
using Orleans.Dashboard;
using OrleansCases.Grains;
using OrleansCases.Hosting;

namespace OrleansCases.Silo;

public static class CaseSiloExtensions
{
    /// <summary>
    /// Makes this host a silo of the configured cluster: case grains with their Azure Table storage, reminders and
    /// read model, the case-events streams, and clustering on loopback or in an Azure table.
    /// </summary>
    public static WebApplicationBuilder AddCaseSilo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var cluster = builder.AddCasesClusterOptions();
        if (cluster.KubernetesHosting && cluster.Clustering != ClusteringKind.AzureTable)
        {
            throw new InvalidOperationException("Cluster:KubernetesHosting needs Cluster:Clustering AzureTable: membership lives in the Azure table.");
        }

        builder.AddCaseStorageClients();
        builder.Services.AddCaseGrains();
        builder.Services.AddHostedService<SiloStartupLog>();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ServiceId = cluster.ServiceId;
                o.ClusterId = cluster.ClusterId;
            });
            if (cluster.Clustering == ClusteringKind.AzureTable)
            {
                silo.UseAzureStorageClustering(ob => ob.Configure<TableServiceClient>((o, tables) => o.TableServiceClient = tables));
                if (cluster.KubernetesHosting)
                {
                    // Kubernetes hosting advertises the pod's IP only when no address is set: ports alone here.
                    silo.Configure<EndpointOptions>(o => (o.SiloPort, o.GatewayPort) = (cluster.SiloPort, cluster.GatewayPort));
                    silo.UseKubernetesHosting();
                }
                else
                {
                    silo.ConfigureEndpoints(AddressOf(cluster.AdvertisedAddress), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: false);
                }
            }
            else
            {
                silo.UseLocalhostClustering(
                    cluster.SiloPort, cluster.GatewayPort, new IPEndPoint(AddressOf(cluster.AdvertisedAddress), cluster.PrimarySiloPort),
                    cluster.ServiceId, cluster.ClusterId);
            }

            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = cluster.ProbeTimeout;
                o.NumMissedProbesLimit = cluster.MissedProbesLimit;
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
            silo.AddCaseGrainStorage();
            silo.AddCaseEventStreams(cluster);
            silo.AddActivityPropagation();
            // The dashboard's collectors; its pages are served by the web, to admins only (never by this host). A sample
            // every 5 s instead of every second: sampling was a fifth of an idle silo's CPU (benchmark/README.md), and
            // 100 samples still show the last eight minutes.
            silo.AddDashboard(o => o.CounterUpdateIntervalMs = 5_000);
        });
        return builder;
    }

    /// <summary>An IP address as configured, or the first IPv4 address of a host name (e.g. a compose service).</summary>
    private static IPAddress AddressOf(string addressOrHost)
    {
        if (IPAddress.TryParse(addressOrHost, out var address))
        {
            return address;
        }

        try
        {
            return Dns.GetHostAddresses(addressOrHost).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                ?? throw new InvalidOperationException($"Cluster:AdvertisedAddress '{addressOrHost}' has no IPv4 address.");
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            throw new InvalidOperationException($"Cluster:AdvertisedAddress '{addressOrHost}' does not resolve: {ex.Message}", ex);
        }
    }
}
