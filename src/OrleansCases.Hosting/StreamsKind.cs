namespace OrleansCases.Hosting;

/// <summary>What carries the case-events streams.</summary>
public enum StreamsKind
{
    /// <summary>Orleans memory streams: in-cluster, no storage cost.</summary>
    Memory,

    /// <summary>Azure Queue streams: persistent, about 100 ms of polling latency.</summary>
    AzureQueue,
}
