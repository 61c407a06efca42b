using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Table;

/// <summary>
/// Row "escalate" (docs/design.md section 10): ForwardedToClinician stays, by the system only, a new version at the next
/// level; and the queue fields every transition keeps: since when a case waits, at which level.
/// </summary>
public sealed class EscalateTests
{
    [Fact]
    public void The_system_escalates_a_queued_case_to_the_next_level_with_a_new_version_and_entry()
    {
        var forwarded = Cases.Forwarded(assignTo: Users.ClinicianNorth);
        var at = Cases.Now.AddMinutes(10);

        var first = CaseLifecycle.DecideEscalation(forwarded, at);
        var second = CaseLifecycle.DecideEscalation(first.Next!, at.AddMinutes(5));

        Assert.Equal(CaseCommandOutcome.Ok, first.Outcome);
        Assert.Equal((CaseStatus.ForwardedToClinician, forwarded.Version + 1, 1), (first.Next!.Status, first.Next.Version, first.Next.EscalationLevel));
        Assert.Equal((forwarded.AssigneeId, forwarded.WaitingSince, at), (first.Next.AssigneeId, first.Next.WaitingSince, first.Next.UpdatedAt));
        var entry = first.Entry!;
        Assert.Equal(
            (CaseAction.Escalate, (CaseStatus?)CaseStatus.ForwardedToClinician, CaseStatus.ForwardedToClinician, "system", (int?)1, forwarded.Version + 1),
            (entry.Action, entry.From, entry.To, entry.By, entry.Level, entry.Version));
        Assert.Equal((2, forwarded.Version + 2, (int?)2), (second.Next!.EscalationLevel, second.Next.Version, second.Entry!.Level));
    }

    public static TheoryData<string> NotQueued() => ["open", "under-review", "needs-info", "referred", "completed", "cancelled"];

    [Theory]
    [MemberData(nameof(NotQueued))]
    public void A_case_out_of_the_queue_is_not_escalated(string status)
    {
        var @case = status switch
        {
            "open" => Cases.Open(),
            "under-review" => Cases.UnderReview(),
            "needs-info" => Cases.NeedsInfo(),
            "referred" => Cases.Referred(),
            "completed" => Cases.Completed(),
            _ => Cases.Cancelled(),
        };

        var decision = CaseLifecycle.DecideEscalation(@case, Cases.Now.AddHours(1));

        Assert.Equal(CaseCommandOutcome.InvalidTransition, decision.Outcome);
        Assert.Null(decision.Next);
    }

    [Fact]
    public void A_full_history_stops_escalations_too()
    {
        var full = Cases.Forwarded() with { Version = CaseLifecycle.MaxHistory };

        Assert.Equal(CaseCommandOutcome.HistoryFull, CaseLifecycle.DecideEscalation(full, Cases.Now.AddHours(1)).Outcome);
    }

    [Fact]
    public void No_user_may_escalate_a_queued_case_and_none_is_offered_it()
    {
        var forwarded = Cases.Forwarded(assignTo: Users.ClinicianNorth);
        foreach (var user in Users.All)
        {
            var expected = CaseLifecycle.CanRead(forwarded, user) ? CaseCommandOutcome.Forbidden : CaseCommandOutcome.NotFound;
            Assert.Equal(expected, Cases.Decide(forwarded, user, CaseAction.Escalate).Outcome);
            Assert.DoesNotContain(CaseAction.Escalate, CaseLifecycle.AllowedActions(forwarded, user));
        }
    }

    [Fact]
    public void Entering_the_queue_starts_the_wait_assign_keeps_it_and_leaving_it_clears_wait_and_level()
    {
        var open = Cases.Open();
        Assert.Equal((0, (DateTimeOffset?)null), (open.EscalationLevel, open.WaitingSince));

        var forwarded = Cases.Apply(open, Cases.Owner, CaseAction.Forward);
        var waitingSince = Cases.Now.AddMinutes(open.Version);
        Assert.Equal((0, (DateTimeOffset?)waitingSince), (forwarded.EscalationLevel, forwarded.WaitingSince));

        var escalated = CaseLifecycle.DecideEscalation(forwarded, waitingSince.AddMinutes(5)).Next!;
        var assigned = Cases.Apply(escalated, Users.ChwNorth, CaseAction.Assign, assignTo: Users.ClinicianNorth);
        Assert.Equal((1, (DateTimeOffset?)waitingSince), (assigned.EscalationLevel, assigned.WaitingSince));

        var claimed = Cases.Apply(assigned, Users.ClinicianNorth, CaseAction.Claim);
        Assert.Equal((0, (DateTimeOffset?)null), (claimed.EscalationLevel, claimed.WaitingSince));

        var released = Cases.Apply(claimed, Users.ClinicianNorth, CaseAction.Release);
        Assert.Equal((0, (DateTimeOffset?)Cases.Now.AddMinutes(claimed.Version)), (released.EscalationLevel, released.WaitingSince));
    }

    [Fact]
    public void Cancel_ends_the_wait_of_an_escalated_case()
    {
        var escalated = CaseLifecycle.DecideEscalation(Cases.Forwarded(), Cases.Now.AddHours(1)).Next!;

        var cancelled = Cases.Apply(escalated, Cases.Owner, CaseAction.Cancel);

        Assert.Equal((0, (DateTimeOffset?)null), (cancelled.EscalationLevel, cancelled.WaitingSince));
    }
}
