using OrleansCases.Benchmark.Clients;
using OrleansCases.Benchmark.Load;

namespace OrleansCases.Benchmark.Targets;

/// <summary>A system under test, as the load sees it: its server processes, its connections and its commands.</summary>
public interface ITarget : IAsyncDisposable
{
    /// <summary>How the report names it.</summary>
    string Name { get; }

    /// <summary>Whether every connection receives every event (the seed's broadcast), rather than its audience.</summary>
    bool Broadcasts { get; }

    /// <summary>The server processes whose CPU and memory count for this system.</summary>
    IReadOnlyList<(string Name, int Pid)> Processes { get; }

    /// <summary>The process that holds the connections (memory per connection is read from it).</summary>
    int ConnectionsPid { get; }

    Task<IEventClient> ConnectAsync(BenchUser user, EventSink sink, CancellationToken cancellationToken);

    /// <summary>The id of the case <paramref name="owner"/>'s create command <paramref name="commandId"/> makes.</summary>
    string CaseIdOf(BenchUser owner, string commandId);

    /// <summary>Creates a case (id: <see cref="CaseIdOf"/>); the HTTP status it was answered with.</summary>
    Task<int> CreateAsync(BenchUser owner, string commandId, CancellationToken cancellationToken);

    /// <summary>Posts a message on a case's conversation; the HTTP status it was answered with.</summary>
    Task<int> PostMessageAsync(BenchUser author, string caseId, string clientMessageId, CancellationToken cancellationToken);

    /// <summary>A transition with a note (some actions need one); the HTTP status it was answered with.</summary>
    Task<int> ActAsync(BenchUser actor, string caseId, string action, string commandId, CancellationToken cancellationToken);
}
