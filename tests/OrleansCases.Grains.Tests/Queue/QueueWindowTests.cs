using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Conversation;
using OrleansCases.Grains.Queue;
using Xunit;

namespace OrleansCases.Grains.Tests.Queue;

/// <summary>The figures of a queue summary from the events of a region's recent past (no cluster: the arithmetic only).</summary>
[Trait("Category", "Grains")]
public sealed class QueueWindowTests
{
    private static readonly DateTimeOffset _t0 = new(2026, 12, 3, 6, 0, 0, TimeSpan.Zero);
    private readonly QueueWindow _window = new();

    [Fact]
    public void Claim_times_are_nearest_rank_percentiles_of_what_each_claimed_case_had_waited_per_priority()
    {
        for (var i = 1; i <= 10; i++)
        {
            _window.Take(Claim(CasePriority.Emergency, _t0.AddMinutes(i), waited: TimeSpan.FromSeconds(i * 10)));
        }

        _window.Take(Claim(CasePriority.Routine, _t0, waited: TimeSpan.FromHours(3)));

        var emergency = _window.Summarize(CasePriority.Emergency, [], _t0);
        Assert.Equal((10, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(90)), (emergency.Claims, emergency.ClaimTimeP50, emergency.ClaimTimeP90));
        var routine = _window.Summarize(CasePriority.Routine, [], _t0);
        Assert.Equal((1, TimeSpan.FromHours(3), TimeSpan.FromHours(3)), (routine.Claims, routine.ClaimTimeP50, routine.ClaimTimeP90));
        var urgent = _window.Summarize(CasePriority.Urgent, [], _t0);
        Assert.Equal((0, (TimeSpan?)null, (TimeSpan?)null), (urgent.Claims, urgent.ClaimTimeP50, urgent.ClaimTimeP90));
    }

    [Fact]
    public void What_happened_before_the_window_is_forgotten_and_only_todays_escalations_count()
    {
        var dayStart = _t0.Date;
        _window.Take(Claim(CasePriority.Urgent, _t0.AddHours(-25), waited: TimeSpan.FromMinutes(1)));
        _window.Take(Claim(CasePriority.Urgent, _t0.AddHours(-1), waited: TimeSpan.FromMinutes(7)));
        _window.Take(Escalation(CasePriority.Urgent, _t0.AddHours(-7)));
        _window.Take(Escalation(CasePriority.Urgent, _t0.AddHours(-5)));
        _window.Take(Escalation(CasePriority.Urgent, _t0.AddMinutes(-1)));

        _window.Forget(_t0.AddHours(-24));
        var urgent = _window.Summarize(CasePriority.Urgent, [], new DateTimeOffset(dayStart, TimeSpan.Zero));

        // The claim of 25 h ago is gone; the escalation of 7 h ago was yesterday (before 00:00 UTC), still in the window.
        Assert.Equal((1, TimeSpan.FromMinutes(7)), (urgent.Claims, urgent.ClaimTimeP50));
        Assert.Equal(2, urgent.EscalationsToday);
    }

    [Fact]
    public void Messages_and_other_actions_are_no_claims_and_waiting_cases_are_counted_with_their_oldest()
    {
        var claim = Claim(CasePriority.Emergency, _t0, waited: TimeSpan.FromMinutes(2));
        _window.Take(claim with { Message = new CaseMessage("c1", 1, "clinician", "Clinician", UserRole.Clinician, "Seen", _t0, "k1") });
        _window.Take(claim with { Action = CaseAction.Cancel });
        _window.Take(claim with { WaitedSince = null });
        CaseRecord[] queued = [Queued("c2", CasePriority.Emergency, _t0.AddMinutes(-3)), Queued("c3", CasePriority.Emergency, _t0.AddMinutes(-9)), Queued("c4", CasePriority.Urgent, _t0)];

        var emergency = _window.Summarize(CasePriority.Emergency, queued, _t0);

        Assert.Equal((2, _t0.AddMinutes(-9), 0, 0), (emergency.Waiting, emergency.OldestWaitingSince, emergency.Claims, emergency.EscalationsToday));
        Assert.Null(_window.Summarize(CasePriority.Routine, queued, _t0).OldestWaitingSince);
    }

    [Theory]
    [InlineData("UTC", "2026-12-03T20:00:00Z", "2026-12-03T00:00:00Z")]
    [InlineData("Asia/Kolkata", "2026-12-03T20:00:00Z", "2026-12-03T18:30:00Z")]
    [InlineData("Asia/Kolkata", "2026-12-03T18:00:00Z", "2026-12-02T18:30:00Z")]
    public void Today_begins_at_midnight_in_the_configured_time_zone(string zone, string now, string dayStart)
    {
        var options = new QueueSummaryOptions { TimeZone = zone };

        Assert.Equal(DateTimeOffset.Parse(dayStart, System.Globalization.CultureInfo.InvariantCulture), options.DayStart(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static CaseEvent Claim(CasePriority priority, DateTimeOffset at, TimeSpan waited) =>
        Event(CaseAction.Claim, priority, at) with { WaitedSince = at - waited };

    private static CaseEvent Escalation(CasePriority priority, DateTimeOffset at) => Event(CaseAction.Escalate, priority, at);

    private static CaseEvent Event(CaseAction action, CasePriority priority, DateTimeOffset at) =>
        new("c1", CaseStatus.UnderReview, CaseStatus.ForwardedToClinician, action, "clinician", "Clinician", at, "north", "asha", "clinician", null, priority, 3, null, 1);

    private static CaseRecord Queued(string id, CasePriority priority, DateTimeOffset since) =>
        new(id, "north", "P-1", "Fever", priority, CaseStatus.ForwardedToClinician, 2, "asha", null, null, since.AddMinutes(-1), since, WaitingSince: since);
}
