using System.Diagnostics;
using OrleansCases.Benchmark.Clients;
using OrleansCases.Benchmark.Hosts;
using OrleansCases.Benchmark.Load;
using OrleansCases.Benchmark.Report;
using OrleansCases.Benchmark.Targets;

namespace OrleansCases.Benchmark.Scenarios;

/// <summary>
/// S2: idle connections, added in steps up to the largest: the connect rate of each step (64 connecting at a time),
/// the resident memory of the process holding them against before the first, and its CPU while they all idle.
/// </summary>
public static class ConnectionsScenario
{
    private const int Parallel = 64;
    private static readonly TimeSpan _settle = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan _idle = TimeSpan.FromSeconds(10);

    public static async Task<IReadOnlyList<ConnectionsResult>> RunAsync(Systems systems, ScenarioPlan plan, bool smoke, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(systems);
        ArgumentNullException.ThrowIfNull(plan);
        var results = new List<ConnectionsResult>();
        foreach (var target in systems.Audience)
        {
            results.AddRange(await RunAsync(target, plan.ConnectionSteps, smoke ? TimeSpan.FromSeconds(1) : _settle, cancellationToken));
        }

        return results;
    }

    private static async Task<IReadOnlyList<ConnectionsResult>> RunAsync(ITarget target, IReadOnlyList<int> steps, TimeSpan settle, CancellationToken cancellationToken)
    {
        var users = UserSet.Synthetic2000().Repeat(steps[^1]);
        var clients = new List<IEventClient>();
        var results = new List<ConnectionsResult>();
        EventSink ignore = (_, _, _) => { };
        await Task.Delay(settle, cancellationToken);
        var before = ProcessMeter.Rss(target.ConnectionsPid);
        try
        {
            foreach (var step in steps)
            {
                var started = Stopwatch.GetTimestamp();
                var failed = 0;
                var opened = new IEventClient?[step - clients.Count];
                await System.Threading.Tasks.Parallel.ForEachAsync(
                    Enumerable.Range(clients.Count, opened.Length), new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = cancellationToken },
                    async (i, ct) =>
                    {
                        try
                        {
                            opened[i - clients.Count] = await target.ConnectAsync(users.Connections[i], ignore, ct);
                        }
                        catch (Exception ex) when (ex is HttpRequestException or System.Net.WebSockets.WebSocketException or IOException)
                        {
                            Interlocked.Increment(ref failed);
                        }
                    });
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                clients.AddRange(opened.OfType<IEventClient>());
                await Task.Delay(settle, cancellationToken);
                var meter = ProcessMeter.Start([(target.Name, target.ConnectionsPid)]);
                await Task.Delay(_idle, cancellationToken);
                var usage = (await meter.StopAsync())[0];
                var result = new ConnectionsResult(target.Name, clients.Count, failed, seconds, before, usage.FinalRss, usage.CpuPercent);
                Console.WriteLine($"S2 {target.Name}: {result.Connections} connections ({failed} failed) at {result.ConnectsPerSecond}/s, {result.BytesPerConnection / 1024:0.0} KiB each, idle CPU {result.IdleCpuPercent:0.0}%");
                results.Add(result);
            }
        }
        finally
        {
            await System.Threading.Tasks.Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (c, _) =>
            {
                try
                {
                    await c.DisposeAsync();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                }
            });
        }

        return results;
    }
}
