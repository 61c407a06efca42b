using Microsoft.Extensions.DependencyInjection;
using OrleansCases.Abstractions;
using Xunit;

namespace OrleansCases.Grains.Tests.Support;

/// <summary>What the escalation tests look at: a case's escalations in its history and stream, and its reminder.</summary>
public sealed class Escalations(ShortTimersClusterFixture fixture)
{
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether <paramref name="seen"/> holds the event of <paramref name="caseId"/>'s escalation to <paramref name="level"/>.</summary>
    public static bool Reached(IEnumerable<CaseEvent> seen, string caseId, int level) =>
        seen.Any(e => e.CaseId == caseId && e.Action == CaseAction.Escalate && e.EscalationLevel >= level);

    /// <summary>The levels of the escalate entries in a history, in order.</summary>
    public static IReadOnlyList<int> LevelsOf(IEnumerable<CaseHistoryEntry> history) =>
        [.. history.Where(e => e.Action == CaseAction.Escalate).Select(e => e.Level ?? 0)];

    /// <summary>Whether the case's escalation reminder is in the reminder table.</summary>
    public async Task<bool> HasReminderAsync(string caseId)
    {
        var table = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        var grainId = fixture.Client.GetGrain<ICaseGrain>(caseId).GetGrainId();
        return await table.ReadRow(grainId, "escalation") is not null;
    }

    /// <summary>Awaits the tick that found the case out of the queue and removed its reminder, and checks it is gone.</summary>
    public async Task ReminderGoneAsync(string caseId)
    {
        await fixture.Log.WaitForAsync("EscalationDisarmed", v => Equals(v.GetValueOrDefault("CaseId"), caseId), Timeout);
        Assert.False(await HasReminderAsync(caseId));
    }

    /// <summary>Asserts levels 1..n once each, each at least a delay after the wait began or the level before it.</summary>
    public static void AssertOneDelayApart(IReadOnlyList<CaseHistoryEntry> history, TimeSpan delay)
    {
        var levels = LevelsOf(history);
        Assert.Equal(Enumerable.Range(1, levels.Count), levels);
        var entered = history.Last(e => e.To == CaseStatus.ForwardedToClinician && e.From != CaseStatus.ForwardedToClinician).At;
        var previous = entered;
        foreach (var entry in history.Where(e => e.Action == CaseAction.Escalate))
        {
            Assert.True(entry.At - previous >= delay, $"level {entry.Level} came {(entry.At - previous).TotalSeconds:F2} s after the one before (delay {delay.TotalSeconds} s)");
            Assert.Equal(("system", CaseStatus.ForwardedToClinician), (entry.By, entry.To));
            previous = entry.At;
        }
    }
}
