namespace OrleansCases.Hosting.Streams;

/// <summary>How the in-memory event queues are laid out and read; silos and clients must agree on <see cref="Queues"/>.</summary>
public sealed record EventQueueOptions
{
    /// <summary>Queues behind the provider; streams hash onto them. Each has one pulling agent in the cluster.</summary>
    public int Queues { get; init; } = 4;

    /// <summary>How long a read waits for something to arrive before it answers empty: the cost of an idle queue.</summary>
    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Items the agent keeps cached per queue for its subscribers.</summary>
    public int CacheSize { get; init; } = 4096;
}
