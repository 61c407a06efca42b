using FsCheck.Xunit;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Invariants;

/// <summary>
/// What a case records of its wait in the review queue (docs/design.md section 10): waitingSince is set exactly while it
/// is queued, the escalation level counts the system's escalations since it entered, and both can be rebuilt from its
/// history at any version (<see cref="CaseLifecycle.QueueAfter"/>, which replays use). Each random sequence is played
/// again with the system escalating every other queued state in between, which changes no user's outcome.
/// </summary>
public sealed class QueueInvariantTests
{
    [Property(MaxTest = ScenarioArbitrary.SequencesPerRun, Arbitrary = new[] { typeof(ScenarioArbitrary) })]
    public void A_cases_wait_and_level_are_what_its_history_tells_with_escalations_in_between(Scenario scenario)
    {
        var trace = Trace.Run(scenario);
        if (trace.Created.Next is not { } current || scenario.StartVersion != 1)
        {
            return;
        }

        var history = new List<CaseHistoryEntry> { trace.History[0] };
        foreach (var step in trace.AppliedSteps)
        {
            var at = step.Decision.Entry!.At;
            var decision = CaseLifecycle.Decide(current, step.Command, at);
            Assert.Equal(CaseCommandOutcome.Ok, decision.Outcome);
            Assert.Equal((step.After.Status, step.After.AssigneeId), (decision.Next!.Status, decision.Next.AssigneeId));
            Assert.Equal(step.After.WaitingSince, decision.Next.WaitingSince);
            current = Record(decision, history);

            if (current.Status == CaseStatus.ForwardedToClinician && step.Index % 2 == 0)
            {
                var level = current.EscalationLevel;
                current = Record(CaseLifecycle.DecideEscalation(current, at.AddSeconds(30)), history);
                Assert.Equal(level + 1, current.EscalationLevel);
            }
        }
    }

    private static CaseRecord Record(Decision decision, List<CaseHistoryEntry> history)
    {
        Assert.Equal(CaseCommandOutcome.Ok, decision.Outcome);
        var next = decision.Next!;
        history.Add(decision.Entry!);
        Assert.Equal(CaseLifecycle.QueueAfter(history), (next.EscalationLevel, next.WaitingSince));
        Assert.Equal(next.Status == CaseStatus.ForwardedToClinician, next.WaitingSince is not null);
        Assert.True(next.EscalationLevel == 0 || next.Status == CaseStatus.ForwardedToClinician);
        return next;
    }
}
