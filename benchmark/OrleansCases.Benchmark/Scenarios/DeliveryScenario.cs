using OrleansCases.Benchmark.Load;
using OrleansCases.Benchmark.Report;

namespace OrleansCases.Benchmark.Scenarios;

/// <summary>
/// S1: connections one per user (or the demo users' spread), an open-loop rate of transitions over every region,
/// receipt latency at every entitled connection. Each shape runs on every system in turn, in the same run.
/// </summary>
public static class DeliveryScenario
{
    public static async Task<IReadOnlyList<LoadResult>> RunAsync(Systems systems, ScenarioPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(systems);
        ArgumentNullException.ThrowIfNull(plan);
        var results = new List<LoadResult>();
        foreach (var shape in plan.Delivery)
        {
            foreach (var target in systems.For(shape.Broadcast))
            {
                var users = shape.Users();
                Console.WriteLine($"S1 {shape.Label}: {target.Name}, {users.Connections.Count} connections");
                await using var session = await LoadSession.OpenAsync(target, users, shape.CasesPerRegion, cancellationToken);
                foreach (var rate in shape.Rates)
                {
                    var warmUp = systems.TakeFirstWarmUp(target) ? plan.FirstWarmUp : plan.WarmUp;
                    var result = await LoadRun.MeasureAsync(session, shape.Label, rate, plan.Measure, warmUp, cancellationToken);
                    ConsoleReport.Line(result);
                    results.Add(result);
                }
            }
        }

        return results;
    }
}
