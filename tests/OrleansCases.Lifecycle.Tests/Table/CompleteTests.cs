using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Table;

/// <summary>
/// The two "complete" rows: from UnderReview only the assignee; from Referred also the owner or a chw of the region
/// (the referral happened, the field worker closes it).
/// </summary>
public sealed class CompleteTests
{
    [Fact]
    public void The_assignee_may_complete_a_case_under_review()
    {
        var decision = Cases.Decide(Cases.UnderReview(), Users.ClinicianNorth, CaseAction.Complete);

        Assert.Equal(CaseCommandOutcome.Ok, decision.Outcome);
        Assert.Equal(CaseStatus.Completed, decision.Next!.Status);
    }

    [Theory]
    [InlineData("asha.north", CaseCommandOutcome.InvalidTransition)]
    [InlineData("chw.north", CaseCommandOutcome.InvalidTransition)]
    [InlineData("clinician2.north", CaseCommandOutcome.Forbidden)]
    [InlineData("admin", CaseCommandOutcome.Forbidden)]
    [InlineData("chw.south", CaseCommandOutcome.NotFound)]
    public void Nobody_but_the_assignee_may_complete_a_case_under_review(string userId, CaseCommandOutcome expected)
    {
        // Owner and chw get 409, not 403: they may complete this case once it is Referred.
        var decision = Cases.Decide(Cases.UnderReview(), Users.ById(userId), CaseAction.Complete);

        Assert.Equal(expected, decision.Outcome);
    }

    [Theory]
    [InlineData("clinician.north")]
    [InlineData("asha.north")]
    [InlineData("chw.north")]
    public void Assignee_owner_and_chw_of_the_region_may_complete_a_referred_case(string userId)
    {
        var decision = Cases.Decide(Cases.Referred(), Users.ById(userId), CaseAction.Complete);

        Assert.Equal(CaseCommandOutcome.Ok, decision.Outcome);
        Assert.Equal(CaseStatus.Completed, decision.Next!.Status);
        Assert.Equal("clinician.north", decision.Next.AssigneeId);
    }

    [Theory]
    [InlineData("clinician2.north", CaseCommandOutcome.Forbidden)]
    [InlineData("admin", CaseCommandOutcome.Forbidden)]
    [InlineData("asha2.north", CaseCommandOutcome.NotFound)]
    public void Nobody_else_may_complete_a_referred_case(string userId, CaseCommandOutcome expected)
    {
        var decision = Cases.Decide(Cases.Referred(), Users.ById(userId), CaseAction.Complete);

        Assert.Equal(expected, decision.Outcome);
    }
}
