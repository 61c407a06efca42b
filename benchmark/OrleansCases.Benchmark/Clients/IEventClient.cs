namespace OrleansCases.Benchmark.Clients;

/// <summary>
/// One live connection of the load to a system under test. Each received caseStatusUpdate is handed to the sink the
/// target was given, with its case id and version.
/// </summary>
public interface IEventClient : IAsyncDisposable
{
    /// <summary>Drops the connection the way a phone losing its network would: nothing said to the server.</summary>
    Task DropAsync();

    /// <summary>
    /// Connects again and catches up what was missed while dropped, the way the system offers: OrleansCases from the
    /// last cursor through /api/feed, Socket.IO by its connection state recovery.
    /// </summary>
    Task ReconnectAsync(CancellationToken cancellationToken);

    /// <summary>How many of its catch-up reads the system refused (503 or 429) and the client retried after Retry-After.</summary>
    int Refused { get; }
}
