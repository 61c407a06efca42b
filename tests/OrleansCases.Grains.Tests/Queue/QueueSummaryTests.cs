using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Conversation;
using OrleansCases.Abstractions.Queue;
using OrleansCases.Grains.Tests.Support;
using Xunit;

namespace OrleansCases.Grains.Tests.Queue;

/// <summary>
/// The queue at a glance (docs/design.md section 10) on a 2-silo cluster whose emergencies escalate within seconds: what
/// waits per priority and since when, how long the claims waited, how often the system escalated today, all from the
/// region's stored lists and feed; a summary asked again after more changes tells them too.
/// </summary>
[Trait("Category", "Grains")]
[Collection(ShortTimersGroup.Name)]
public sealed class QueueSummaryTests(ShortTimersClusterFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly Region _r = new();
    private readonly CaseDriver _cases = new(fixture.Client);

    [Fact]
    public async Task The_summary_tells_the_queue_by_priority_the_claim_times_and_the_escalations_of_today()
    {
        await using var events = await EventCollector.SubscribeAsync(fixture.Client, _r.Name);
        var escalated = await _cases.CreatedAsync(_r.Asha, CasePriority.Emergency);
        var routine = await _cases.CreatedAsync(_r.Asha, CasePriority.Routine);
        var open = await _cases.CreatedAsync(_r.Asha, CasePriority.Urgent);
        await _cases.DoAsync(escalated, _r.Asha, CaseAction.Forward);
        var waiting = await _cases.DoAsync(routine, _r.Asha, CaseAction.Forward);
        await events.WaitUntilAsync(s => Escalations.Reached(s, escalated, 1), Escalations.Timeout, "level 1");
        var first = await _cases.DoAsync(escalated, _r.Clinician, CaseAction.Claim);
        // A message on the claimed case: its feed item tells the case's latest action (claim), and is no claim.
        await _cases.Grain(escalated).PostMessageAsync(new PostMessageCommand(_r.Clinician, "Looking at it now", CaseDriver.NewCommandId()));

        var summary = await SummaryWhenAsync(s => Of(s, CasePriority.Emergency).Claims == 1);

        var emergency = Of(summary, CasePriority.Emergency);
        Assert.Equal((0, (DateTimeOffset?)null), (emergency.Waiting, emergency.OldestWaitingSince));
        Assert.Equal((Waited(first), Waited(first)), (emergency.ClaimTimeP50, emergency.ClaimTimeP90));
        Assert.Equal(Escalations.LevelsOf(first.History).Count, emergency.EscalationsToday);
        Assert.True(emergency.EscalationsToday >= 1);
        Assert.Equal(new PriorityQueueSummary(CasePriority.Routine, 1, waiting.Case.WaitingSince, 0, null, null, 0), Of(summary, CasePriority.Routine));
        Assert.Equal(new PriorityQueueSummary(CasePriority.Urgent, 0, null, 0, null, null, 0), Of(summary, CasePriority.Urgent));
        Assert.Equal([CasePriority.Emergency, CasePriority.Urgent, CasePriority.Routine], summary.Priorities.Select(p => p.Priority));
        Assert.Equal((await new Lists(fixture.Client).FeedAsync(_r.Name, 0)).Max(e => e.Seq), summary.Seq);
        Assert.Equal(summary.At - TimeSpan.FromHours(24), summary.WindowStart);
        Assert.Equal(new DateTimeOffset(summary.At.UtcDateTime.Date, TimeSpan.Zero), summary.DayStart);

        // Asked again after a second emergency is claimed at once and the open case joins the queue: read on from the feed.
        var quick = await _cases.CreatedAsync(_r.Asha, CasePriority.Emergency);
        await _cases.DoAsync(quick, _r.Asha, CaseAction.Forward);
        var second = await _cases.DoAsync(quick, _r.Clinician2, CaseAction.Claim);
        var urgentWaits = await _cases.DoAsync(open, _r.Chw, CaseAction.Forward);

        var later = await SummaryWhenAsync(s => Of(s, CasePriority.Emergency).Claims == 2 && Of(s, CasePriority.Urgent).Waiting == 1);

        var both = new[] { Waited(first), Waited(second) }.Order().ToArray();
        var emergencyLater = Of(later, CasePriority.Emergency);
        Assert.Equal((both[0], both[1]), (emergencyLater.ClaimTimeP50, emergencyLater.ClaimTimeP90));
        Assert.Equal(Escalations.LevelsOf(first.History).Count + Escalations.LevelsOf(second.History).Count, emergencyLater.EscalationsToday);
        Assert.Equal(urgentWaits.Case.WaitingSince, Of(later, CasePriority.Urgent).OldestWaitingSince);
        Assert.Equal(Of(summary, CasePriority.Routine), Of(later, CasePriority.Routine));
    }

    private static PriorityQueueSummary Of(QueueSummary summary, CasePriority priority) =>
        summary.Priorities.Single(p => p.Priority == priority);

    /// <summary>How long a claimed case had waited: from its entry into the queue to its claim, as its history says.</summary>
    private static TimeSpan Waited(CaseView claimed) =>
        claimed.History[^1].At - claimed.History.Last(e => e.To == CaseStatus.ForwardedToClinician && e.From != CaseStatus.ForwardedToClinician).At;

    /// <summary>
    /// The region's summary once it tells what the test awaits: a summary is answered again for a second, so one asked
    /// right after a change may not tell it yet.
    /// </summary>
    private async Task<QueueSummary> SummaryWhenAsync(Func<QueueSummary, bool> done)
    {
        var grain = fixture.Client.GetGrain<IQueueSummaryGrain>(_r.Name);
        var deadline = DateTimeOffset.UtcNow + Timeout;
        var summary = await grain.GetAsync();
        while (!done(summary))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Not within {Timeout.TotalSeconds} s; the last summary: {string.Join("; ", summary.Priorities)}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            summary = await grain.GetAsync();
        }

        return summary;
    }
}
