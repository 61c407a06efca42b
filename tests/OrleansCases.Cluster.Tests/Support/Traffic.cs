using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace OrleansCases.Cluster.Tests.Support;

/// <summary>
/// Steady traffic: each worker opens a case as its field worker (create, forward) and has its clinician claim,
/// release and claim it again (<see cref="CommandsPerCase"/> commands), then opens the next, as fast as the cluster
/// answers, until the traffic's cases are all done. Each command is retried with its commandId until answered 2xx.
/// </summary>
public sealed class Traffic
{
    /// <summary>What happens to each case, in order: its history, once every command is answered.</summary>
    public static IReadOnlyList<string> Actions { get; } = ["create", "forward", "claim", "release", "claim"];

    public static int CommandsPerCase => Actions.Count;

    private readonly ConcurrentQueue<Acknowledgement> _acknowledged = new();
    private readonly Channel<bool> _changes = Channel.CreateUnbounded<bool>();
    private readonly List<Task> _workers = [];
    private int _casesLeft;

    private Traffic(int cases) => _casesLeft = cases;

    public IReadOnlyList<Acknowledgement> Acknowledged => [.. _acknowledged];

    public int Workers => _workers.Count;

    /// <summary>Starts one worker per (field worker, clinician) pair; together they take <paramref name="cases"/> cases through.</summary>
    public static Traffic Start(IReadOnlyList<(ApiCaller Owner, ApiCaller Clinician)> pairs, int cases)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var traffic = new Traffic(cases);
        for (var i = 0; i < pairs.Count; i++)
        {
            var (worker, (owner, clinician)) = (i, pairs[i]);
            traffic._workers.Add(Task.Run(() => traffic.RunAsync(worker, owner, clinician)));
        }

        return traffic;
    }

    /// <summary>Waits, as commands are answered, until <paramref name="condition"/> holds; fails on a worker's failure.</summary>
    public async Task WaitUntilAsync(Func<Traffic, bool> condition, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (!condition(this))
            {
                if (_workers.FirstOrDefault(w => w.IsFaulted) is { } faulted)
                {
                    await faulted;
                }

                await _changes.Reader.WaitToReadAsync(cancel.Token);
                while (_changes.Reader.TryRead(out _))
                {
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Not within {timeout.TotalSeconds} s: {what} ({Acknowledged.Count} commands answered).");
        }
    }

    /// <summary>How many commands <paramref name="worker"/> first sent after <paramref name="since"/> have been answered.</summary>
    public int AnsweredSince(int worker, DateTimeOffset since) =>
        _acknowledged.Count(a => a.Worker == worker && a.SentAt > since);

    /// <summary>Waits until every case has had all its commands answered.</summary>
    public Task CompletedAsync(TimeSpan timeout) => Task.WhenAll(_workers).WaitAsync(timeout);

    private async Task RunAsync(int worker, ApiCaller owner, ApiCaller clinician)
    {
        try
        {
            for (var n = 0; Interlocked.Decrement(ref _casesLeft) >= 0; n++)
            {
                var created = await SendAsync(worker, owner, "/api/cases", "create", null, new
                {
                    patientRef = $"P-{worker}-{n}",
                    summary = "Fever for three days",
                    priority = "routine",
                    commandId = Guid.NewGuid().ToString("N"),
                });
                var caseId = created["id"]!.GetValue<string>();
                foreach (var action in Actions.Skip(1))
                {
                    var caller = action == "forward" ? owner : clinician;
                    await SendAsync(worker, caller, $"/api/cases/{caseId}/actions/{action}", action, caseId, new
                    {
                        note = action == "release" ? "Back to the queue" : null,
                        commandId = Guid.NewGuid().ToString("N"),
                    });
                }
            }
        }
        finally
        {
            _changes.Writer.TryWrite(true);
        }
    }

    private async Task<JsonObject> SendAsync(int worker, ApiCaller caller, string path, string action, string? caseId, object command)
    {
        var sentAt = DateTimeOffset.UtcNow;
        var answer = await caller.SendAsync(path, command);
        _acknowledged.Enqueue(new Acknowledgement(
            worker, caseId ?? answer["id"]!.GetValue<string>(), answer["version"]!.GetValue<int>(), action, sentAt));
        _changes.Writer.TryWrite(true);
        return answer;
    }
}
