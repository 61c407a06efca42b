using FsCheck.Xunit;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Invariants;

/// <summary>
/// Versions are gapless from 1 and grow by exactly 1 per transition (docs/design.md sections 2 and 6.2): the portal drops
/// an event whose version it already has, so a skipped or repeated version would lose or duplicate an update.
/// Each property plays <see cref="ScenarioArbitrary.SequencesPerRun"/> (1,000) random sequences of up to 40 commands.
/// </summary>
public sealed class VersionInvariantTests
{
    [Property(MaxTest = ScenarioArbitrary.SequencesPerRun, Arbitrary = new[] { typeof(ScenarioArbitrary) })]
    public void Each_applied_transition_adds_exactly_one_version(Scenario scenario)
    {
        foreach (var step in Trace.Run(scenario).Steps)
        {
            Assert.Equal(step.Applied ? step.Before.Version + 1 : step.Before.Version, step.After.Version);
            if (step.Applied)
            {
                Assert.Equal(step.After.Version, step.Decision.Entry!.Version);
            }
        }
    }

    [Property(MaxTest = ScenarioArbitrary.SequencesPerRun, Arbitrary = new[] { typeof(ScenarioArbitrary) })]
    public void History_versions_run_from_1_to_the_case_version_without_gaps(Scenario scenario)
    {
        var trace = Trace.Run(scenario);
        if (trace.Created.Next is null)
        {
            return;
        }

        // A case that starts near the limit stands for earlier history; its run's entries continue from there.
        var first = scenario.StartVersion == 1 ? 1 : scenario.StartVersion + 1;
        Assert.Equal(Enumerable.Range(first, trace.History.Count), trace.History.Select(e => e.Version));
        Assert.Equal(trace.States.Last().Version, first + trace.History.Count - 1);
    }

    [Property(MaxTest = ScenarioArbitrary.SequencesPerRun, Arbitrary = new[] { typeof(ScenarioArbitrary) })]
    public void Each_history_entry_records_the_transition_it_made(Scenario scenario)
    {
        foreach (var step in Trace.Run(scenario).AppliedSteps)
        {
            var entry = step.Decision.Entry!;
            Assert.Equal(step.Command.Action, entry.Action);
            Assert.Equal(step.Before.Status, entry.From);
            Assert.Equal(step.After.Status, entry.To);
            Assert.Equal(step.Command.Actor.Id, entry.By);
            Assert.Equal(step.After.AssigneeId, entry.AssigneeId);
            Assert.Equal(step.After.Facility, entry.Facility);
            Assert.Equal(step.After.UpdatedAt, entry.At);
            Assert.Equal(
                (step.Before.Id, step.Before.Region, step.Before.OwnerId, step.Before.PatientRef, step.Before.CreatedAt),
                (step.After.Id, step.After.Region, step.After.OwnerId, step.After.PatientRef, step.After.CreatedAt));
        }
    }
}
