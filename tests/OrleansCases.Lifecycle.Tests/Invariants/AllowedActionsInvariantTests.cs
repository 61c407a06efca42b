using FsCheck.Xunit;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Invariants;

/// <summary>
/// The API lists allowedActions and the portals draw buttons from them: a listed action that then fails, or a
/// possible one left out, is a broken button. In every state reached, for every user of the directory,
/// AllowedActions is exactly the set of actions Decide accepts with valid fields. 1,000 random sequences per run.
/// </summary>
public sealed class AllowedActionsInvariantTests
{
    [Property(MaxTest = ScenarioArbitrary.SequencesPerRun, Arbitrary = new[] { typeof(ScenarioArbitrary) })]
    public void AllowedActions_are_exactly_the_actions_Decide_accepts(Scenario scenario)
    {
        foreach (var state in Trace.Run(scenario).States)
        {
            foreach (var user in scenario.Users)
            {
                var allowed = CaseLifecycle.AllowedActions(state, user);
                Assert.Equal(allowed.Count, allowed.Distinct().Count());

                var accepted = Commands.OnExistingCase
                    .Where(a => CaseLifecycle.Decide(state, Commands.Valid(user, a), Trace.Start).Outcome == CaseCommandOutcome.Ok);
                Assert.Equal(accepted.Order(), allowed.Order());
            }
        }
    }

    [Property(MaxTest = ScenarioArbitrary.SequencesPerRun, Arbitrary = new[] { typeof(ScenarioArbitrary) })]
    public void InvalidTransition_answers_carry_the_allowed_actions(Scenario scenario)
    {
        foreach (var step in Trace.Run(scenario).Steps.Where(s => s.Decision.Outcome == CaseCommandOutcome.InvalidTransition))
        {
            Assert.Equal(CaseLifecycle.AllowedActions(step.Before, step.Command.Actor), step.Decision.AllowedActions);
        }
    }
}
