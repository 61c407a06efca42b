using System.Collections.Concurrent;
using OrleansCases.Benchmark.Clients;
using OrleansCases.Benchmark.Targets;

namespace OrleansCases.Benchmark.Load;

/// <summary>
/// A target with the load's connections open (one per entry of <see cref="UserSet.Connections"/>) and its cases
/// made and forwarded to the review queue, ready for runs. Receipts go to the ledger of the run in progress.
/// </summary>
public sealed class LoadSession : IAsyncDisposable
{
    private const int ConnectParallelism = 32;

    private readonly ConcurrentDictionary<string, int> _caseKeys = new();
    private readonly List<LoadCase> _cases = [];
    private IEventClient[] _clients = [];
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

    /// <summary>Per region, the cases with no command in flight.</summary>
    public IReadOnlyDictionary<string, ConcurrentQueue<LoadCase>> Idle { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<BenchUser>> Clinicians { get; }

    /// <summary>Connects every connection of <paramref name="users"/> and makes <paramref name="casesPerRegion"/> cases per region.</summary>
    public static async Task<LoadSession> OpenAsync(ITarget target, UserSet users, int casesPerRegion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        var session = new LoadSession(target, users);
        try
        {
            session._clients = await session.ConnectAllAsync(users.Connections.Count, cancellationToken);
            await session.MakeCasesAsync(casesPerRegion, cancellationToken);
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

    private async Task MakeCasesAsync(int perRegion, CancellationToken cancellationToken)
    {
        var plan = Users.Regions
            .SelectMany(region => Enumerable.Range(0, perRegion).Select(i => (region, owner: Users.InRegion(region, "asha").ElementAt(i % Users.InRegion(region, "asha").Count()))))
            .ToArray();
        var made = new LoadCase[plan.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, plan.Length), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var (region, owner) = plan[i];
                var id = await Target.CreateForwardedCaseAsync(owner, Guid.NewGuid().ToString("N"), ct);
                made[i] = new LoadCase(i, id, region, owner);
            });
        foreach (var c in made)
        {
            _caseKeys[c.Id] = c.Key;
            _cases.Add(c);
            Idle[c.Region].Enqueue(c);
        }
    }
}
