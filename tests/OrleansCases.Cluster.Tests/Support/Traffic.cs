using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace OrleansCases.Cluster.Tests.Support;

/// <summary>
/// Steady traffic: each worker opens a case as its field worker (create, forward) and has its clinician claim and
/// release it twice, then opens the next, as fast as the cluster answers, until stopped. A command under way when
/// the traffic stops is still seen through to its answer.
/// </summary>
public sealed class Traffic
{
    private static readonly TimeSpan _stopTimeout = TimeSpan.FromSeconds(75);

    private readonly ConcurrentQueue<Acknowledgement> _acknowledged = new();
    private readonly Channel<bool> _changes = Channel.CreateUnbounded<bool>();
    private readonly List<Task> _workers = [];
    private volatile bool _stopping;

    private Traffic()
    {
    }

    public IReadOnlyList<Acknowledgement> Acknowledged => [.. _acknowledged];

    public int Workers => _workers.Count;

    /// <summary>Starts one worker per (field worker, clinician) pair.</summary>
    public static Traffic Start(IReadOnlyList<(ApiCaller Owner, ApiCaller Clinician)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var traffic = new Traffic();
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

    /// <summary>Stops starting commands and waits for those under way.</summary>
    public async Task StopAsync()
    {
        _stopping = true;
        await Task.WhenAll(_workers).WaitAsync(_stopTimeout);
    }

    private async Task RunAsync(int worker, ApiCaller owner, ApiCaller clinician)
    {
        try
        {
            for (var n = 0; !_stopping; n++)
            {
                var created = await SendAsync(worker, owner, "/api/cases", "create", null, new
                {
                    patientRef = $"P-{worker}-{n}",
                    summary = "Fever for three days",
                    priority = "routine",
                    commandId = Guid.NewGuid().ToString("N"),
                });
                var caseId = created["id"]!.GetValue<string>();
                foreach (var (caller, action) in new[]
                {
                    (owner, "forward"), (clinician, "claim"), (clinician, "release"), (clinician, "claim"), (clinician, "release"),
                })
                {
                    if (_stopping)
                    {
                        break;
                    }

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
