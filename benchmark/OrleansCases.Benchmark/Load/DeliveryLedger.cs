using System.Collections.Concurrent;
using System.Diagnostics;
using HdrHistogram;

namespace OrleansCases.Benchmark.Load;

/// <summary>
/// What one measured run expected and what arrived: every event with the time its command was scheduled and who
/// may receive it; every receipt checked against that (latency from the scheduled send, so a late send counts
/// against the system: no coordinated omission), duplicates on one connection, and receipts nobody was entitled to.
/// </summary>
public sealed class DeliveryLedger
{
    private readonly ConcurrentDictionary<long, Entry> _events = new();
    private readonly ConcurrentDictionary<int, long> _failures = new();
    private readonly IReadOnlyList<BenchUser> _connections;
    private readonly HashSet<long>[] _seen;
    private readonly bool _broadcast;
    private long _expected;
    private long _received;
    private long _duplicates;
    private long _unentitled;
    private long _commandsOk;
    private long _commandsFailed;
    private long _notSent;

    public DeliveryLedger(IReadOnlyList<BenchUser> connections, bool broadcast)
    {
        _connections = connections;
        _broadcast = broadcast;
        _seen = connections.Select(_ => new HashSet<long>()).ToArray();
    }

    /// <summary>Latency from the scheduled send to each entitled receipt, in microseconds.</summary>
    public LongConcurrentHistogram Receipt { get; } = NewHistogram();

    /// <summary>Latency from the scheduled send to the command's answer, in microseconds.</summary>
    public LongConcurrentHistogram Command { get; } = NewHistogram();

    public long Expected => Interlocked.Read(ref _expected);

    public long Received => Interlocked.Read(ref _received);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Unentitled => Interlocked.Read(ref _unentitled);

    public long CommandsOk => Interlocked.Read(ref _commandsOk);

    public long CommandsFailed => Interlocked.Read(ref _commandsFailed);

    /// <summary>Failed commands by the HTTP status they got (0: no answer), e.g. "503×2".</summary>
    public string Failures => string.Join(", ", _failures.OrderBy(f => f.Key).Select(f => $"{f.Key}×{f.Value}"));

    /// <summary>Sends the schedule asked for but the load could not make (every case of the region was busy).</summary>
    public long NotSent => Interlocked.Read(ref _notSent);

    /// <summary>Whether every expected delivery has arrived.</summary>
    public bool Complete => Received >= Expected;

    /// <summary>Registers an event before its command is sent (its receipts may beat the command's answer).</summary>
    public void Expect(ExpectedEvent e, long scheduledAt)
    {
        ArgumentNullException.ThrowIfNull(e);
        var audience = 0;
        foreach (var user in _connections)
        {
            if (_broadcast || e.Reaches(user))
            {
                audience++;
            }
        }

        _events[e.Key] = new Entry(e, scheduledAt, audience);
        Interlocked.Add(ref _expected, audience);
    }

    /// <summary>The command was answered with <paramref name="status"/> (0: no answer): its latency, and whether its event exists.</summary>
    public void Answered(ExpectedEvent e, long scheduledAt, int status)
    {
        ArgumentNullException.ThrowIfNull(e);
        Command.RecordValue(Microseconds(Stopwatch.GetTimestamp() - scheduledAt));
        if (status == 200)
        {
            Interlocked.Increment(ref _commandsOk);
            return;
        }

        // The change may not have happened: expect none of its receipts (any that come are counted, not expected).
        Interlocked.Increment(ref _commandsFailed);
        _failures.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (_events.TryRemove(e.Key, out var entry))
        {
            Interlocked.Add(ref _expected, -entry.Audience);
        }
    }

    public void Skipped() => Interlocked.Increment(ref _notSent);

    /// <summary>Connection <paramref name="connection"/> received version <paramref name="version"/> of a case.</summary>
    public void Receive(int connection, int caseKey, int version, long receivedAt)
    {
        var key = ExpectedEvent.KeyOf(caseKey, version);
        var seen = _seen[connection];
        bool first;
        lock (seen)
        {
            first = seen.Add(key);
        }

        if (!first)
        {
            Interlocked.Increment(ref _duplicates);
            return;
        }

        if (!_events.TryGetValue(key, out var entry))
        {
            return; // An event of another phase (set-up, warm-up).
        }

        if (!_broadcast && !entry.Event.Reaches(_connections[connection]))
        {
            Interlocked.Increment(ref _unentitled);
            return;
        }

        Receipt.RecordValue(Microseconds(receivedAt - entry.ScheduledAt));
        Interlocked.Increment(ref _received);
    }

    /// <summary>Waits until every expected delivery has arrived, or <paramref name="timeout"/> has passed.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!Complete && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(20);
        }
    }

    public static long Microseconds(long ticks) => Math.Max(1, ticks * 1_000_000 / Stopwatch.Frequency);

    private static LongConcurrentHistogram NewHistogram() => new(1, 120_000_000, 3);

    private sealed record Entry(ExpectedEvent Event, long ScheduledAt, int Audience);
}
