using OrleansCases.Benchmark.Load;
using OrleansCases.Benchmark.Report;

namespace OrleansCases.Benchmark.Scenarios;

/// <summary>
/// S5: messages of case conversations at fixed rates, connections one per user, receipt latency at every connection
/// of a conversation's audience; on OrleansCases and the rooms peer in turn, in the same run.
/// </summary>
public static class ConversationScenario
{
    public static async Task<IReadOnlyList<LoadResult>> RunAsync(Systems systems, ScenarioPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(systems);
        ArgumentNullException.ThrowIfNull(plan);
        var results = new List<LoadResult>();
        var shape = plan.Conversation;
        foreach (var target in systems.For(withBroadcast: false))
        {
            var users = shape.Users();
            Console.WriteLine($"S5 {shape.Label}: {target.Name}, {users.Connections.Count} connections");
            await using var session = await LoadSession.OpenAsync(target, users, casesPerRegion: 0, cancellationToken);
            var conversation = new Conversation(session);
            await conversation.PrepareAsync(shape.CasesPerRegion, cancellationToken);
            foreach (var rate in shape.Rates)
            {
                var warmUp = systems.TakeFirstWarmUp(target) ? plan.FirstWarmUp : plan.WarmUp;
                var result = await LoadRun.MeasureAsync(session, shape.Label, rate, plan.Measure, warmUp, cancellationToken, conversation.RunAsync);
                ConsoleReport.Line(result);
                results.Add(result);
            }
        }

        return results;
    }
}
