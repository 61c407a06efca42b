using System.Diagnostics;

namespace OrleansCases.Benchmark.Load;

/// <summary>
/// Sends transitions at a fixed rate whatever the system answers (open loop): the i-th command is due at
/// start + i / rate, regions taken in turn, each in a place of that region (<see cref="LoadCase"/>) with no command in flight.
/// A place whose command fails leaves the load (its case's state is no longer known). Latencies count
/// from the due time, so a system that falls behind pays for every command it delays, not just the first.
/// </summary>
public static class OpenLoop
{
    public static async Task RunAsync(LoadSession session, DeliveryLedger ledger, double rate, TimeSpan duration, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(ledger);
        var random = new Random(seed);
        var regions = session.Users.Regions;
        await PaceAsync(rate, duration, (i, due) =>
        {
            var region = regions[(int)(i % regions.Count)];
            if (!session.Idle[region].TryDequeue(out var c))
            {
                ledger.Skipped();
                return null;
            }

            var planned = c.Plan(session.Clinicians[region], random, session.NewCase);
            ledger.Expect(planned.Event, due);
            return SendAsync(session, ledger, planned, due, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Calls <paramref name="send"/> for the i-th send at its due time (a <see cref="Stopwatch"/> timestamp), start +
    /// i / rate, until <paramref name="duration"/> is over, then waits for every send it started (null: none).
    /// </summary>
    public static async Task PaceAsync(double rate, TimeSpan duration, Func<long, long, Task?> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var sends = new List<Task>();
        for (long i = 0; ; i++)
        {
            var due = start + (long)(i * interval);
            if (due >= end)
            {
                break;
            }

            // Wake about every millisecond and send what is due: finer waits would spin a core the servers need.
            while (Stopwatch.GetTimestamp() < due)
            {
                await Task.Delay(1, cancellationToken);
            }

            if (send(i, due) is { } task)
            {
                sends.Add(task);
            }
        }

        await Task.WhenAll(sends);
    }

    private static async Task SendAsync(LoadSession session, DeliveryLedger ledger, LoadCase.Planned planned, long due, CancellationToken cancellationToken)
    {
        // Off the scheduler's turn: the next due command must not wait for this one's request to be written.
        await Task.Yield();
        int status;
        try
        {
            status = planned.IsCreate
                ? await session.Target.CreateAsync(planned.Owner, planned.CommandId, cancellationToken)
                : await session.Target.ActAsync(planned.Actor, planned.CaseId, planned.Action, planned.CommandId, cancellationToken);
        }
        catch (HttpRequestException)
        {
            status = 0;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            status = 0;
        }

        var ok = status is 200 or 201;
        ledger.Answered(planned.Event, due, ok ? 200 : status);
        if (ok)
        {
            planned.Slot.Apply(planned);
            session.Idle[planned.Slot.Region].Enqueue(planned.Slot);
        }
    }
}
