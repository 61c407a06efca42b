namespace OrleansCases.Benchmark.Report;

/// <summary>
/// What a smoke run must show, so that ./test.sh fails when the benchmark breaks: every scenario measured on every
/// system, every expected delivery made, nothing delivered to a connection not entitled to it, nothing failed.
/// Sizes are tiny, so no speed is judged.
/// </summary>
public static class SmokeCheck
{
    public static int Verify(BenchmarkResults results, IReadOnlyList<string> systems)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(systems);
        var problems = new List<string>();
        foreach (var system in systems)
        {
            Require(problems, results.Delivery.Any(r => r.System == system), $"S1 has no run of {system}");
            Require(problems, results.Idle.Any(r => r.System == system), $"idle has no figure of {system}");
            Require(problems, results.Connections.Any(r => r.System == system && r.Failed == 0), $"S2 has no clean step of {system}");
            // Whether a rate was held is a speed, which a smoke run on a cold, busy box must not judge: that S3 ran is enough.
            Require(problems, results.Throughput.Any(r => r.System == system && r.Steps.Count > 0), $"S3 has no run of {system}");
            Require(problems, results.CatchUp.Any(r => r.System == system && r.Converged), $"S4 did not converge on {system}");
            Require(problems, results.Conversation.Any(r => r.System == system), $"S5 has no run of {system}");
        }

        foreach (var r in results.Delivery.Concat(results.Conversation))
        {
            Require(problems, r.Received == r.Expected && r.Expected > 0, $"{r.System} {r.Scenario}: delivered {r.Received} of {r.Expected}");
            Require(problems, r.Unentitled == 0, $"{r.System} {r.Scenario}: {r.Unentitled} deliveries to connections not entitled to them");
            Require(problems, r.CommandsFailed == 0, $"{r.System} {r.Scenario}: commands failed ({r.Failures})");
        }

        Require(problems, results.StorageCeiling is { Batches: > 0, Failed: 0 }, "the storage ceiling wrote no batch");
        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"smoke: {problem}");
        }

        Console.WriteLine(problems.Count == 0 ? "smoke: every scenario ran on every system, every delivery made" : $"smoke: {problems.Count} problems");
        return problems.Count == 0 ? 0 : 1;
    }

    private static void Require(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }
}
