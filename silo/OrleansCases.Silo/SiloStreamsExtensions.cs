using Azure.Storage.Queues;
using OrleansCases.Abstractions;
using OrleansCases.Hosting;

namespace OrleansCases.Silo;

public static class SiloStreamsExtensions
{
    /// <summary>The case-events stream provider on a silo: memory streams, or Azure Queue streams when configured.</summary>
    public static ISiloBuilder AddCaseEventStreams(this ISiloBuilder silo, CasesClusterOptions cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.Streams == StreamsKind.AzureQueue)
        {
            silo.AddAzureQueueStreams(CaseStreams.ProviderName, (SiloAzureQueueStreamConfigurator c) =>
                c.ConfigureAzureQueue(ob => ob.Configure<QueueServiceClient>((o, queues) =>
                {
                    o.QueueServiceClient = queues;
                    o.QueueNames = cluster.StreamQueueNames();
                })));
        }
        else
        {
            silo.AddMemoryStreams(CaseStreams.ProviderName);
        }

        return silo;
    }
}
