using System.Diagnostics;
using OrleansCases.Benchmark.Load;
using OrleansCases.Benchmark.Report;

namespace OrleansCases.Benchmark.Scenarios;

/// <summary>
/// S4: CHW connections (every event of their region reaches them) drop as phones losing their network do; each
/// region then makes the planned number of events; then all reconnect at once and catch up the way their system
/// offers (OrleansCases: /api/feed from the last cursor; Socket.IO: connection state recovery). Measured: the time
/// from the reconnect until every connection had every event it missed.
/// </summary>
public static class CatchUpScenario
{
    private const double Rate = 200;
    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(2);

    public static async Task<IReadOnlyList<CatchUpResult>> RunAsync(Systems systems, ScenarioPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(systems);
        ArgumentNullException.ThrowIfNull(plan);
        var results = new List<CatchUpResult>();
        foreach (var target in systems.Audience)
        {
            var users = UserSet.Synthetic(plan.CatchUpRegions, 10, plan.CatchUpClientsPerRegion, 5, 0).ConnectedAs("chw");
            await using var session = await LoadSession.OpenAsync(target, users, 20, cancellationToken);
            // A little traffic first, so every connection holds a position (a cursor, an offset) as a portal would.
            var warm = session.NewLedger();
            session.RecordInto(warm);
            await OpenLoop.RunAsync(session, warm, Rate, TimeSpan.FromSeconds(users.Regions.Count / Rate * 2), 3, cancellationToken);
            await warm.DrainAsync(TimeSpan.FromSeconds(10));

            await Task.WhenAll(session.Clients.Select(c => c.DropAsync()));
            var ledger = session.NewLedger();
            session.RecordInto(ledger);
            await OpenLoop.RunAsync(session, ledger, Rate, TimeSpan.FromSeconds(plan.CatchUpMissed * users.Regions.Count / Rate), 4, cancellationToken);

            var started = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(
                session.Clients, new ParallelOptions { MaxDegreeOfParallelism = session.Clients.Count, CancellationToken = cancellationToken },
                async (c, ct) => await c.ReconnectAsync(ct));
            await ledger.DrainAsync(_timeout);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            session.RecordInto(null);
            var result = new CatchUpResult(
                target.Name, session.Clients.Count, (double)ledger.Expected / session.Clients.Count, ledger.Expected, ledger.Received,
                ledger.Duplicates, Math.Round(seconds, 2), session.Clients.Sum(c => (long)c.Refused));
            Console.WriteLine($"S4 {target.Name}: {result.Clients} clients, {result.MissedPerClient:0} missed each, {result.Received}/{result.Expected} caught up in {result.ConvergedSeconds} s, {result.Duplicates} duplicates, {result.Refused} reads refused and retried");
            results.Add(result);
        }

        return results;
    }
}
