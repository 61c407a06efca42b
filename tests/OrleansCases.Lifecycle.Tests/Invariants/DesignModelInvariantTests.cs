using FsCheck.Xunit;
using OrleansCases.Abstractions;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Invariants;

/// <summary>
/// Every decision, refusal or not, matches <see cref="DesignModel"/>, the design written out a second time: the same
/// outcome in the check order of section 4, and when Ok the same status, assignee and facility. 1,000 sequences per run.
/// </summary>
public sealed class DesignModelInvariantTests
{
    [Property(MaxTest = ScenarioArbitrary.SequencesPerRun, Arbitrary = new[] { typeof(ScenarioArbitrary) })]
    public void Decide_agrees_with_the_design(Scenario scenario)
    {
        foreach (var step in Trace.Run(scenario).Steps)
        {
            var expected = DesignModel.Expect(step.Before, step.Command);
            var decision = step.Decision;
            Assert.True(
                expected.Outcome == decision.Outcome,
                $"step {step.Index}: {step.Command.Actor.Id} {step.Command.Action} on {step.Before.Status} "
                + $"(assignee {step.Before.AssigneeId ?? "-"}): expected {expected.Outcome}, got {decision.Outcome}");
            if (decision.Outcome == CaseCommandOutcome.Ok)
            {
                Assert.Equal(
                    (expected.To, expected.AssigneeId, expected.Facility),
                    (decision.Next!.Status, decision.Next.AssigneeId, decision.Next.Facility));
            }
        }
    }

    [Property(MaxTest = ScenarioArbitrary.SequencesPerRun, Arbitrary = new[] { typeof(ScenarioArbitrary) })]
    public void Create_is_decided_as_the_design_says(Scenario scenario)
    {
        var creator = scenario.UserAt(scenario.Creator);
        var created = Trace.Run(scenario).Created;

        if (creator.Role is UserRole.Asha or UserRole.Chw)
        {
            Assert.Equal(CaseCommandOutcome.Ok, created.Outcome);
            Assert.Equal((creator.Region, creator.Id, CaseStatus.Open), (created.Next!.Region, created.Next.OwnerId, created.Next.Status));
        }
        else
        {
            Assert.Equal(CaseCommandOutcome.Forbidden, created.Outcome);
        }
    }
}
