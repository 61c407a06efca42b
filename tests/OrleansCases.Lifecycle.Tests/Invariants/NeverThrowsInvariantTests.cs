using FsCheck.Xunit;
using OrleansCases.Abstractions.Lifecycle;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Invariants;

/// <summary>
/// Refusals are results, not exceptions (CaseCommandResult's contract): an exception in a grain call would reach the
/// client as a 500. Generated commands include blank and overlong fields, create, an undefined action, and assignees
/// of every role and region. 1,000 random sequences per run.
/// </summary>
public sealed class NeverThrowsInvariantTests
{
    [Property(MaxTest = ScenarioArbitrary.SequencesPerRun, Arbitrary = new[] { typeof(ScenarioArbitrary) })]
    public void Decide_never_throws(Scenario scenario)
    {
        Assert.Null(Record.Exception(() => Trace.Run(scenario)));
    }

    [Property(MaxTest = ScenarioArbitrary.SequencesPerRun, Arbitrary = new[] { typeof(ScenarioArbitrary) })]
    public void AllowedActions_never_throws(Scenario scenario)
    {
        var trace = Trace.Run(scenario);
        foreach (var state in trace.States)
        {
            Assert.All(scenario.Users, u => Assert.Null(Record.Exception(() => CaseLifecycle.AllowedActions(state, u))));
        }
    }
}
