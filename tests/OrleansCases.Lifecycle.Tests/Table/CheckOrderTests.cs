using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Table;

/// <summary>
/// docs/design.md section 4: 404 (not readable) before 403 (not permitted in any status) before 409 (not from this
/// status). The order matters for isolation: a 403 to a stranger would reveal that the case exists.
/// </summary>
public sealed class CheckOrderTests
{
    [Fact]
    public void A_user_of_another_region_gets_NotFound_even_for_an_action_they_may_never_do()
    {
        // Claim is something chw.south may never do; the 403 would still leak that the case exists.
        var decision = Cases.Decide(Cases.Forwarded(), Users.ChwSouth, CaseAction.Claim);

        Assert.Equal(CaseCommandOutcome.NotFound, decision.Outcome);
    }

    [Fact]
    public void An_action_the_user_may_not_do_in_any_status_is_Forbidden_whatever_the_status()
    {
        // Forward from Completed is impossible for everyone, yet a clinician hears 403, not 409: no status would help.
        var decision = Cases.Decide(Cases.Completed(), Users.Clinician2North, CaseAction.Forward);

        Assert.Equal(CaseCommandOutcome.Forbidden, decision.Outcome);
        Assert.Null(decision.AllowedActions);
    }

    [Fact]
    public void Owner_completing_a_case_under_review_gets_InvalidTransition_with_what_they_may_do_now()
    {
        var decision = Cases.Decide(Cases.UnderReview(), Users.AshaNorth, CaseAction.Complete);

        Assert.Equal(CaseCommandOutcome.InvalidTransition, decision.Outcome);
        Assert.NotNull(decision.AllowedActions);
        Assert.Empty(decision.AllowedActions);
        Assert.Null(decision.Next);
    }

    [Fact]
    public void InvalidTransition_lists_the_allowed_actions_of_the_current_status()
    {
        var open = Cases.Open();

        var decision = Cases.Decide(open, Users.AshaNorth, CaseAction.Resubmit);

        Assert.Equal(CaseCommandOutcome.InvalidTransition, decision.Outcome);
        Assert.Equal([CaseAction.Forward, CaseAction.Cancel], decision.AllowedActions!.Order());
        Assert.Equal(CaseLifecycle.AllowedActions(open, Users.AshaNorth), decision.AllowedActions);
    }

    [Fact]
    public void A_forbidden_user_gets_Forbidden_before_an_invalid_assignTo_is_looked_at()
    {
        var decision = Cases.Decide(Cases.Forwarded(), Users.AshaNorth, CaseAction.Assign, assignTo: Users.ChwNorth);

        Assert.Equal(CaseCommandOutcome.Forbidden, decision.Outcome);
    }
}
