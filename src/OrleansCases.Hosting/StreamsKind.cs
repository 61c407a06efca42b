namespace OrleansCases.Hosting;

/// <summary>What carries the case-events streams.</summary>
public enum StreamsKind
{
    /// <summary>
    /// Persistent streams over the project's own in-cluster queues (<c>Streams/EventQueueAdapterFactory</c>,
    /// <c>EventQueueGrain</c>): no storage cost, not durable.
    /// </summary>
    Memory,

    /// <summary>Azure Queue streams: persistent, about 100 ms of polling latency.</summary>
    AzureQueue,
}
