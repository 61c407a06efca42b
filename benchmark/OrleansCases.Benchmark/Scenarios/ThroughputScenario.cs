using OrleansCases.Benchmark.Load;
using OrleansCases.Benchmark.Report;

namespace OrleansCases.Benchmark.Scenarios;

/// <summary>
/// S3: the synthetic 2,000 connections at rising rates, each for a short window after a short warm-up, until a rate
/// misses receipt p99 &lt; 100 ms or a delivery; the highest rate that held is the system's throughput.
/// </summary>
public static class ThroughputScenario
{
    public static async Task<IReadOnlyList<ThroughputResult>> RunAsync(Systems systems, ScenarioPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(systems);
        ArgumentNullException.ThrowIfNull(plan);
        var shape = plan.Delivery[^1];
        var results = new List<ThroughputResult>();
        foreach (var target in systems.Audience)
        {
            var users = shape.Users();
            // Enough cases that a region never runs out while commands queue: a second of commands at the top rate.
            var cases = (int)Math.Max(shape.CasesPerRegion, plan.ThroughputRates[^1] / users.Regions.Count);
            await using var session = await LoadSession.OpenAsync(target, users, cases, cancellationToken);
            var steps = new List<LoadResult>();
            double? highest = null;
            foreach (var rate in plan.ThroughputRates)
            {
                var step = await LoadRun.MeasureAsync(session, "throughput", rate, plan.ThroughputStep, plan.WarmUp / 2, cancellationToken);
                ConsoleReport.Line(step);
                steps.Add(step);
                if (!ThroughputResult.Passes(step))
                {
                    break;
                }

                highest = rate;
            }

            results.Add(new ThroughputResult(target.Name, steps, highest));
        }

        return results;
    }
}
