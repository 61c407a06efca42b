using OrleansCases.Abstractions;
using OrleansCases.Grains.Tests.Support;
using Xunit;

namespace OrleansCases.Grains.Tests.Escalation;

/// <summary>
/// Escalation of unclaimed cases (docs/design.md section 10) on a 2-silo cluster with Orleans reminders in Azure Table
/// storage and delays of seconds (<see cref="ShortTimersClusterFixture"/>): levels one delay apart, through the region
/// log like every transition (history, feed, stream), stopped by a claim or a cancel; routine never; a second tick
/// (as another silo's) never stores a level twice.
/// </summary>
[Trait("Category", "Grains")]
[Collection(ShortTimersGroup.Name)]
public sealed class EscalationTests(ShortTimersClusterFixture fixture)
{
    private readonly Region _r = new();
    private readonly CaseDriver _cases = new(fixture.Client);
    private readonly Escalations _escalations = new(fixture);

    [Fact]
    public async Task An_emergency_case_escalates_at_level_1_then_2_one_delay_apart_and_stops_when_claimed()
    {
        await using var events = await EventCollector.SubscribeAsync(fixture.Client, _r.Name);
        var id = await _cases.CreatedAsync(_r.Asha, CasePriority.Emergency);
        var forwarded = await _cases.DoAsync(id, _r.Asha, CaseAction.Forward);
        Assert.Equal((0, forwarded.Case.UpdatedAt), (forwarded.Case.EscalationLevel, forwarded.Case.WaitingSince));
        Assert.True(await _escalations.HasReminderAsync(id));

        var seen = await events.WaitUntilAsync(s => Escalations.Reached(s, id, 2), Escalations.Timeout, "level 2");
        var claimed = await _cases.DoAsync(id, _r.Clinician, CaseAction.Claim);
        await _escalations.ReminderGoneAsync(id);

        var view = (await _cases.Grain(id).GetAsync(_r.Chw))!;
        Escalations.AssertOneDelayApart(view.History, ShortTimersClusterFixture.Emergency);
        Assert.True(Escalations.LevelsOf(view.History).Count >= 2);
        Assert.Equal(claimed.Case.Version, view.Case.Version);
        Assert.Equal(CaseAction.Claim, view.History[^1].Action);
        Assert.Equal((0, (DateTimeOffset?)null), (view.Case.EscalationLevel, view.Case.WaitingSince));

        // Each escalation went out on the stream with its level, and is in the region's feed, once per version.
        var escalated = seen.Where(e => e.CaseId == id && e.Action == CaseAction.Escalate).ToList();
        Assert.Equal([1, 2], escalated.Take(2).Select(e => e.EscalationLevel));
        Assert.All(escalated, e => Assert.Equal(("system", CaseStatus.ForwardedToClinician, (CaseStatus?)CaseStatus.ForwardedToClinician), (e.UpdatedBy, e.Status, e.PreviousStatus)));
        var feed = (await new Lists(fixture.Client).FeedAsync(_r.Name, 0)).Where(e => e.CaseId == id).ToList();
        Assert.Equal(Enumerable.Range(1, view.Case.Version), feed.Select(e => e.Version));
        Assert.Equal(Escalations.LevelsOf(view.History), feed.Where(e => e.Action == CaseAction.Escalate).Select(e => e.EscalationLevel));
    }

    [Fact]
    public async Task Routine_never_escalates_and_urgent_waits_its_own_delay()
    {
        await using var events = await EventCollector.SubscribeAsync(fixture.Client, _r.Name);
        var routine = await _cases.CreatedAsync(_r.Asha, CasePriority.Routine);
        var urgent = await _cases.CreatedAsync(_r.Asha, CasePriority.Urgent);
        await _cases.DoAsync(routine, _r.Asha, CaseAction.Forward);
        await _cases.DoAsync(urgent, _r.Asha, CaseAction.Forward);

        await events.WaitUntilAsync(s => Escalations.Reached(s, urgent, 2), Escalations.Timeout, "urgent's level 2");

        Assert.False(await _escalations.HasReminderAsync(routine));
        var routineView = (await _cases.Grain(routine).GetAsync(_r.Chw))!;
        Assert.Equal((2, 0), (routineView.Case.Version, routineView.Case.EscalationLevel));
        var urgentView = (await _cases.Grain(urgent).GetAsync(_r.Chw))!;
        Escalations.AssertOneDelayApart(urgentView.History, ShortTimersClusterFixture.Urgent);
        await _cases.DoAsync(urgent, _r.Chw, CaseAction.Cancel, reason: "Seen at the clinic");
        await _escalations.ReminderGoneAsync(urgent);
    }

    [Fact]
    public async Task A_tick_repeated_as_by_another_silo_stores_no_level_twice()
    {
        await using var events = await EventCollector.SubscribeAsync(fixture.Client, _r.Name);
        var id = await _cases.CreatedAsync(_r.Asha, CasePriority.Emergency);
        await _cases.DoAsync(id, _r.Asha, CaseAction.Forward);
        await events.WaitUntilAsync(s => Escalations.Reached(s, id, 1), Escalations.Timeout, "level 1");

        var remindable = fixture.Client.GetGrain<IRemindable>(_cases.Grain(id).GetGrainId());
        var tick = new TickStatus(DateTime.UtcNow, ShortTimersClusterFixture.Emergency, DateTime.UtcNow);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => remindable.ReceiveReminder("escalation", tick)));
        var view = (await _cases.Grain(id).GetAsync(_r.Chw))!;

        // At most the level the real reminder was due for since; each level once.
        Assert.Equal(Enumerable.Range(1, view.Case.EscalationLevel), Escalations.LevelsOf(view.History));
        Escalations.AssertOneDelayApart(view.History, ShortTimersClusterFixture.Emergency);
        await _cases.DoAsync(id, _r.Clinician, CaseAction.Claim);
        await _escalations.ReminderGoneAsync(id);
    }
}
