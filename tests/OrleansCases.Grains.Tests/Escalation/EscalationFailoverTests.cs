using OrleansCases.Abstractions;
using OrleansCases.Grains.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace OrleansCases.Grains.Tests.Escalation;

/// <summary>
/// A silo killed between two levels (docs/design.md section 10): six emergency cases escalated to level 1 on two silos,
/// one silo killed outright, and every case still reaches level 2, each level stored once, in history and feed. The
/// kill ends this fixture's second silo, so this class has a cluster of its own.
/// </summary>
[Trait("Category", "Grains")]
public sealed class EscalationFailoverTests(ShortTimersClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ShortTimersClusterFixture>
{
    private const int CaseCount = 6;
    private readonly Region _r = new();
    private readonly CaseDriver _cases = new(fixture.Client);
    private readonly Escalations _escalations = new(fixture);

    [Fact]
    public async Task A_silo_killed_between_levels_and_the_next_level_still_happens_exactly_once()
    {
        await using var events = await EventCollector.SubscribeAsync(fixture.Client, _r.Name);
        var ids = new List<string>();
        for (var i = 0; i < CaseCount; i++)
        {
            var id = await _cases.CreatedAsync(_r.Asha, CasePriority.Emergency);
            await _cases.DoAsync(id, _r.Asha, CaseAction.Forward);
            ids.Add(id);
        }

        await events.WaitUntilAsync(s => ids.All(id => Escalations.Reached(s, id, 1)), Escalations.Timeout, "level 1 of every case");
        var killedAt = DateTimeOffset.UtcNow;
        await fixture.Cluster.KillSiloAsync(fixture.Cluster.Silos[1]);
        await events.WaitUntilAsync(s => ids.All(id => Escalations.Reached(s, id, 2)), Escalations.Timeout, "level 2 of every case after the kill");
        output.WriteLine($"every case at level 2 {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:F1} s after the kill");

        foreach (var id in ids)
        {
            await _cases.DoAsync(id, _r.Clinician, CaseAction.Claim);
        }

        var feed = await new Lists(fixture.Client).FeedAsync(_r.Name, 0);
        foreach (var id in ids)
        {
            await _escalations.ReminderGoneAsync(id);
            var view = (await _cases.Grain(id).GetAsync(_r.Chw))!;
            Escalations.AssertOneDelayApart(view.History, ShortTimersClusterFixture.Emergency);
            Assert.True(Escalations.LevelsOf(view.History).Count >= 2);
            Assert.Equal(Enumerable.Range(1, view.Case.Version), view.History.Select(e => e.Version));
            var stored = feed.Where(e => e.CaseId == id).Select(e => e.Version).ToList();
            Assert.Equal(stored.Distinct(), stored);
        }
    }
}
