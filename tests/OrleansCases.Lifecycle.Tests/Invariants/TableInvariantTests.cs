using FsCheck.Xunit;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Invariants;

/// <summary>
/// Every transition that was applied is one the table permits: from one of the row's statuses, by a user holding one
/// of the row's parties, claim's assignee rule kept, to the row's status, with the row's effect on the assignee.
/// The parties are worked out here from the user and the case, not taken from CaseLifecycle.PartiesOf.
/// 1,000 random sequences per run (<see cref="ScenarioArbitrary.SequencesPerRun"/>).
/// </summary>
public sealed class TableInvariantTests
{
    [Property(MaxTest = ScenarioArbitrary.SequencesPerRun, Arbitrary = new[] { typeof(ScenarioArbitrary) })]
    public void Every_applied_transition_is_permitted_by_the_table(Scenario scenario)
    {
        foreach (var step in Trace.Run(scenario).AppliedSteps)
        {
            var actor = step.Command.Actor;
            var parties = PartiesOf(step.Before, actor);
            Assert.Equal(parties, CaseLifecycle.PartiesOf(step.Before, actor));

            var row = Assert.Single(
                TransitionTable.For(step.Command.Action),
                r => r.From.Contains(step.Before.Status) && (r.Who & parties) != CaseParty.None);
            Assert.Equal(row.To, step.After.Status);
            if (row.AssigneeOnlyWhenSet && step.Before.AssigneeId is { } assignee)
            {
                Assert.Equal(assignee, actor.Id);
            }

            var expectedAssignee = row.Assignee switch
            {
                AssigneeEffect.Keep => step.Before.AssigneeId,
                AssigneeEffect.Actor => actor.Id,
                AssigneeEffect.Clear => null,
                _ => step.Command.AssignTo?.Id ?? (row.Action == CaseAction.Forward ? step.Before.AssigneeId : null),
            };
            Assert.Equal(expectedAssignee, step.After.AssigneeId);
        }
    }

    private static CaseParty PartiesOf(CaseRecord c, UserRef u)
    {
        var parties = CaseParty.None;
        parties |= u.Id == c.OwnerId ? CaseParty.Owner : CaseParty.None;
        parties |= c.AssigneeId == u.Id ? CaseParty.Assignee : CaseParty.None;
        parties |= u.Role == UserRole.Admin ? CaseParty.Admin : CaseParty.None;
        if (u.Region == c.Region)
        {
            parties |= u.Role switch
            {
                UserRole.Asha => CaseParty.RegionAsha,
                UserRole.Chw => CaseParty.RegionChw,
                UserRole.Clinician => CaseParty.RegionClinician,
                _ => CaseParty.None,
            };
        }

        return parties;
    }
}
