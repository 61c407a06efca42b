using FsCheck.Xunit;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Invariants;

/// <summary>
/// Live delivery may not undo isolation (docs/design.md section 6.6): for the event of every applied transition, each
/// user whose own groups receive it may read the case, each group is listed once, and the owner and admins always
/// receive it. 1,000 random sequences per run.
/// </summary>
public sealed class DeliveryInvariantTests
{
    [Property(MaxTest = ScenarioArbitrary.SequencesPerRun, Arbitrary = new[] { typeof(ScenarioArbitrary) })]
    public void Only_readers_receive_an_event_and_owner_and_admins_always_do(Scenario scenario)
    {
        var seq = 0L;
        foreach (var step in Trace.Run(scenario).AppliedSteps)
        {
            var e = new CaseChange(step.After, step.Decision.Entry!, PreviousAssigneeId: step.Before.AssigneeId, CommandId: $"command-{seq}").ToEvent(++seq);
            var groups = CaseGroups.ForEvent(e);
            Assert.Equal(groups.Count, groups.Distinct().Count());

            foreach (var user in scenario.Users)
            {
                var receives = CaseGroups.Receives(user, e);
                Assert.True(!receives || CaseLifecycle.CanRead(step.After, user), $"{user.Id} receives {e.Status} of a case it cannot read");
                if (user.Id == step.After.OwnerId || user.Role == UserRole.Admin)
                {
                    Assert.True(receives, $"{user.Id} misses {e.Action}");
                }
            }
        }
    }
}
