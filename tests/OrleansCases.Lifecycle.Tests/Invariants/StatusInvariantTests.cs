using FsCheck.Xunit;
using OrleansCases.Abstractions;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Invariants;

/// <summary>
/// Statuses stay within the seven of docs/design.md section 2; Cancelled is final and Completed can only be reopened.
/// 1,000 random sequences per property (<see cref="ScenarioArbitrary.SequencesPerRun"/>).
/// </summary>
public sealed class StatusInvariantTests
{
    [Property(MaxTest = ScenarioArbitrary.SequencesPerRun, Arbitrary = new[] { typeof(ScenarioArbitrary) })]
    public void Status_is_always_one_of_the_seven_defined(Scenario scenario)
    {
        Assert.All(Trace.Run(scenario).States, c => Assert.True(Enum.IsDefined(c.Status), $"status {(int)c.Status}"));
    }

    [Property(MaxTest = ScenarioArbitrary.SequencesPerRun, Arbitrary = new[] { typeof(ScenarioArbitrary) })]
    public void Nothing_is_applied_after_Cancelled(Scenario scenario)
    {
        Assert.DoesNotContain(Trace.Run(scenario).AppliedSteps, s => s.Before.Status == CaseStatus.Cancelled);
    }

    [Property(MaxTest = ScenarioArbitrary.SequencesPerRun, Arbitrary = new[] { typeof(ScenarioArbitrary) })]
    public void Only_reopen_is_applied_after_Completed(Scenario scenario)
    {
        Assert.All(
            Trace.Run(scenario).AppliedSteps.Where(s => s.Before.Status == CaseStatus.Completed),
            s => Assert.Equal(CaseAction.Reopen, s.Command.Action));
    }

    [Property(MaxTest = ScenarioArbitrary.SequencesPerRun, Arbitrary = new[] { typeof(ScenarioArbitrary) })]
    public void A_case_being_reviewed_or_past_review_always_has_an_assignee(Scenario scenario)
    {
        // Release, request-info, refer and complete belong to the assignee: without one such a case would be stuck.
        Assert.All(
            Trace.Run(scenario).States.Where(c => c.Status is CaseStatus.UnderReview or CaseStatus.NeedsInfo or CaseStatus.Referred or CaseStatus.Completed),
            c => Assert.NotNull(c.AssigneeId));
    }
}
