using FsCheck.Xunit;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Invariants;

/// <summary>
/// Isolation (docs/design.md sections 3 and 6.6): whoever may not read a case gets NotFound, never Forbidden, so its
/// existence does not leak; in particular every user of the other region does. 1,000 random sequences per run.
/// </summary>
public sealed class ReadAccessInvariantTests
{
    [Property(MaxTest = ScenarioArbitrary.SequencesPerRun, Arbitrary = new[] { typeof(ScenarioArbitrary) })]
    public void A_user_who_cannot_read_always_gets_NotFound(Scenario scenario)
    {
        var trace = Trace.Run(scenario);
        foreach (var step in trace.Steps)
        {
            var canRead = CaseLifecycle.CanRead(step.Before, step.Command.Actor);
            Assert.Equal(DesignModel.MayRead(step.Before, step.Command.Actor), canRead);
            Assert.Equal(!canRead, step.Decision.Outcome == CaseCommandOutcome.NotFound);
        }

        foreach (var state in trace.States)
        {
            foreach (var user in scenario.Users.Where(u => !CaseLifecycle.CanRead(state, u)))
            {
                Assert.Empty(CaseLifecycle.AllowedActions(state, user));
                Assert.All(Commands.OnExistingCase, a =>
                    Assert.Equal(CaseCommandOutcome.NotFound, CaseLifecycle.Decide(state, Commands.Valid(user, a), Trace.Start).Outcome));
            }
        }
    }

    [Property(MaxTest = ScenarioArbitrary.SequencesPerRun, Arbitrary = new[] { typeof(ScenarioArbitrary) })]
    public void Users_of_the_other_region_get_NotFound(Scenario scenario)
    {
        foreach (var state in Trace.Run(scenario).States)
        {
            foreach (var user in scenario.Users.Where(u => u.Region is not null && u.Region != state.Region))
            {
                Assert.False(CaseLifecycle.CanRead(state, user));
                Assert.All(Commands.OnExistingCase, a =>
                    Assert.Equal(CaseCommandOutcome.NotFound, CaseLifecycle.Decide(state, Commands.Valid(user, a), Trace.Start).Outcome));
            }
        }
    }
}
