using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;
using OrleansCases.Abstractions;
using OrleansCases.Hosting.Streams;

namespace OrleansCases.Hosting;

public static class ClusterClientExtensions
{
    /// <summary>Makes this host an Orleans client of the configured cluster, with the case-events stream provider.</summary>
    public static IHostApplicationBuilder AddCasesClusterClient(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var cluster = builder.AddCasesClusterOptions();
        builder.AddCaseStorageClients();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ServiceId = cluster.ServiceId;
                o.ClusterId = cluster.ClusterId;
            });
            if (cluster.Clustering == ClusteringKind.AzureTable)
            {
                client.UseAzureStorageClustering(ob => ob.Configure<TableServiceClient>((o, tables) => o.TableServiceClient = tables));
            }
            else
            {
                client.UseLocalhostClustering(
                    cluster.GatewayPorts is [] ? [cluster.GatewayPort] : cluster.GatewayPorts, cluster.ServiceId, cluster.ClusterId);
            }

            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
            client.AddCaseEventStreams(cluster);
            client.AddActivityPropagation();
            // The web serves the Orleans dashboard's pages (to admins only); the trace page would stream this host's logs.
            client.AddDashboard(o => o.HideTrace = true);
        });
        return builder;
    }

    /// <summary>The case-events stream provider on a client, the same name and kind as on the silos.</summary>
    public static IClientBuilder AddCaseEventStreams(this IClientBuilder client, CasesClusterOptions cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.Streams == StreamsKind.AzureQueue)
        {
            client.AddAzureQueueStreams(CaseStreams.ProviderName, (ClusterClientAzureQueueStreamConfigurator c) =>
                c.ConfigureAzureQueue(ob => ob.Configure<QueueServiceClient>((o, queues) =>
                {
                    o.QueueServiceClient = queues;
                    o.QueueNames = cluster.StreamQueueNames();
                })));
        }
        else
        {
            client.AddPersistentStreams(CaseStreams.ProviderName, EventQueueAdapterFactory.Create(cluster.EventQueues()), null);
        }

        return client;
    }
}
