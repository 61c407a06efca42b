using Azure.Storage.Queues;
using OrleansCases.Abstractions;
using OrleansCases.Hosting;
using OrleansCases.Hosting.Streams;

namespace OrleansCases.Silo;

public static class SiloStreamsExtensions
{
    /// <summary>
    /// After a read that found nothing, the pulling agent waits this long before it reads again. With the in-memory
    /// queues a read is a long poll, so this is a short gap every few idle seconds; with Azure queues every read is a
    /// request, so it stays at Orleans' default there.
    /// </summary>
    private static readonly TimeSpan _memoryReadGap = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Subscribers that fall behind get up to this many queued batches per delivery call, instead of one call each:
    /// a busy region catches up in a few round trips.
    /// </summary>
    private const int DeliveryBatchSize = 16;

    /// <summary>The case-events stream provider on a silo: in-memory event queues, or Azure Queue streams when configured.</summary>
    public static ISiloBuilder AddCaseEventStreams(this ISiloBuilder silo, CasesClusterOptions cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.Streams == StreamsKind.AzureQueue)
        {
            silo.AddAzureQueueStreams(CaseStreams.ProviderName, (SiloAzureQueueStreamConfigurator c) =>
            {
                c.ConfigureAzureQueue(ob => ob.Configure<QueueServiceClient>((o, queues) =>
                {
                    o.QueueServiceClient = queues;
                    o.QueueNames = cluster.StreamQueueNames();
                }));
                c.ConfigurePullingAgent(ob => ob.Configure(o => o.BatchContainerBatchSize = DeliveryBatchSize));
            });
        }
        else
        {
            silo.AddPersistentStreams(
                CaseStreams.ProviderName, EventQueueAdapterFactory.Create(cluster.EventQueues()),
                c => c.ConfigurePullingAgent(ob => ob.Configure(o =>
                {
                    o.GetQueueMsgsTimerPeriod = _memoryReadGap;
                    o.BatchContainerBatchSize = DeliveryBatchSize;
                })));
        }

        return silo;
    }
}
