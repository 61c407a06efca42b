using System.Collections.Concurrent;
using OrleansCases.Benchmark.Clients;
using OrleansCases.Benchmark.Targets;

namespace OrleansCases.Benchmark.Load;

/// <summary>
/// A target with the load's connections open (one per entry of <see cref="UserSet.Connections"/>) and its places
/// where cases are worked on (<see cref="LoadCase"/>), ready for runs. Receipts go to the ledger of the run in progress.
/// </summary>
public sealed class LoadSession : IAsyncDisposable
{
    private const int ConnectParallelism = 32;

    private readonly ConcurrentDictionary<string, int> _caseKeys = new();
    private IEventClient[] _clients = [];
    private int _lastKey;
    private volatile DeliveryLedger? _ledger;

    private LoadSession(ITarget target, UserSet users)
    {
        Target = target;
        Users = users;
        Idle = users.Regions.ToDictionary(r => r, _ => new ConcurrentQueue<LoadCase>());
        Clinicians = users.Regions.ToDictionary(r => r, r => (IReadOnlyList<BenchUser>)users.InRegion(r, "clinician").ToArray());
    }

    public ITarget Target { get; }

    public UserSet Users { get; }

    public IReadOnlyList<IEventClient> Clients => _clients;

    /// <summary>Per region, the places with no command in flight.</summary>
    public IReadOnlyDictionary<string, ConcurrentQueue<LoadCase>> Idle { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<BenchUser>> Clinicians { get; }

    /// <summary>Connects every connection of <paramref name="users"/>, with <paramref name="casesPerRegion"/> cases worked on at a time per region.</summary>
    public static async Task<LoadSession> OpenAsync(ITarget target, UserSet users, int casesPerRegion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        var session = new LoadSession(target, users);
        try
        {
            session._clients = await session.ConnectAllAsync(users.Connections.Count, cancellationToken);
            foreach (var region in users.Regions)
            {
                var ashas = users.InRegion(region, "asha").ToArray();
                for (var i = 0; i < casesPerRegion; i++)
                {
                    session.Idle[region].Enqueue(new LoadCase(region, ashas));
                }
            }

            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>Receipts from now on go to <paramref name="ledger"/> (null: nowhere).</summary>
    public void RecordInto(DeliveryLedger? ledger) => _ledger = ledger;

    public DeliveryLedger NewLedger() => new(Users.Connections, Target.Broadcasts);

    /// <summary>The id the target gives a case created by <paramref name="owner"/>'s command, and a new ledger key for it.</summary>
    public (string Id, int Key) NewCase(BenchUser owner, string commandId)
    {
        var id = Target.CaseIdOf(owner, commandId);
        var key = Interlocked.Increment(ref _lastKey);
        _caseKeys[id] = key;
        return (id, key);
    }

    public async ValueTask DisposeAsync()
    {
        _ledger = null;
        await Parallel.ForEachAsync(_clients, new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism }, async (c, _) =>
        {
            try
            {
                await c.DisposeAsync();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Closing is best effort: the server sees the socket go either way.
            }
        });
    }

    private async Task<IEventClient[]> ConnectAllAsync(int count, CancellationToken cancellationToken)
    {
        var clients = new IEventClient[count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism, CancellationToken = cancellationToken },
            async (i, ct) => clients[i] = await Target.ConnectAsync(Users.Connections[i], SinkOf(i), ct));
        return clients;
    }

    private EventSink SinkOf(int connection) => (caseId, version, receivedAt) =>
    {
        if (_ledger is { } ledger && _caseKeys.TryGetValue(caseId, out var key))
        {
            ledger.Receive(connection, key, version, receivedAt);
        }
    };
}
