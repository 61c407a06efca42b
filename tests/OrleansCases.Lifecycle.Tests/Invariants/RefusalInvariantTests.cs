using FsCheck.Xunit;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Invariants;

/// <summary>
/// A refused command changes nothing (docs/design.md section 6.7): the decision carries no next state or history entry,
/// and the case the caller holds is, value for value, what it was. 1,000 random sequences per run.
/// </summary>
public sealed class RefusalInvariantTests
{
    [Property(MaxTest = ScenarioArbitrary.SequencesPerRun, Arbitrary = new[] { typeof(ScenarioArbitrary) })]
    public void Refusals_change_nothing(Scenario scenario)
    {
        foreach (var step in Trace.Run(scenario).Steps.Where(s => !s.Applied))
        {
            if (step.Decision.Outcome != CaseCommandOutcome.Ok)
            {
                Assert.Null(step.Decision.Next);
                Assert.Null(step.Decision.Entry);
            }

            Assert.Same(step.Before, step.After);
        }
    }

    [Property(MaxTest = ScenarioArbitrary.SequencesPerRun, Arbitrary = new[] { typeof(ScenarioArbitrary) })]
    public void Deciding_leaves_the_held_case_as_it_was(Scenario scenario)
    {
        var trace = Trace.Run(scenario);
        foreach (var step in trace.Steps)
        {
            // Replays the decision on a copy and compares the copy with the original afterwards, field by field.
            var held = step.Before with { };
            _ = CaseLifecycle.Decide(held, step.Command, Trace.Start);
            Assert.Equal(step.Before, held);
        }
    }
}
