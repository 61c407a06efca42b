using OrleansCases.Benchmark.Hosts;
using OrleansCases.Benchmark.Report;

namespace OrleansCases.Benchmark.Scenarios;

/// <summary>Nothing happening: every system's server processes, no connections, no commands, after they settled.</summary>
public static class IdleScenario
{
    private static readonly TimeSpan _settle = TimeSpan.FromSeconds(5);

    public static async Task<IReadOnlyList<IdleResult>> RunAsync(Systems systems, ScenarioPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(systems);
        ArgumentNullException.ThrowIfNull(plan);
        await Task.Delay(_settle, cancellationToken);
        var results = new List<IdleResult>();
        foreach (var target in systems.All)
        {
            var meter = ProcessMeter.Start(target.Processes);
            await Task.Delay(plan.Idle, cancellationToken);
            var result = new IdleResult(target.Name, 0, plan.Idle.TotalSeconds, await meter.StopAsync());
            Console.WriteLine($"idle: {target.Name}: {result.ServerCpuPercent:0.00}% of a core ({string.Join(", ", result.Processes.Select(p => $"{p.Name} {p.CpuPercent:0.00}%"))})");
            results.Add(result);
        }

        return results;
    }
}
