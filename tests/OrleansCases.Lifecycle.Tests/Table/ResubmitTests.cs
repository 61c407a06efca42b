using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Table;

/// <summary>Row "resubmit": the owner or a chw of the region answers; the case goes back to its assignee.</summary>
public sealed class ResubmitTests
{
    [Theory]
    [InlineData("asha.north")]
    [InlineData("chw.north")]
    public void Owner_and_chw_of_the_region_may_resubmit_and_the_assignee_is_kept(string userId)
    {
        var decision = Cases.Decide(Cases.NeedsInfo(), Users.ById(userId), CaseAction.Resubmit);

        Assert.Equal(CaseCommandOutcome.Ok, decision.Outcome);
        Assert.Equal(CaseStatus.UnderReview, decision.Next!.Status);
        Assert.Equal("clinician.north", decision.Next.AssigneeId);
    }

    [Theory]
    [InlineData("clinician.north", CaseCommandOutcome.Forbidden)]
    [InlineData("clinician2.north", CaseCommandOutcome.Forbidden)]
    [InlineData("admin", CaseCommandOutcome.Forbidden)]
    [InlineData("asha2.north", CaseCommandOutcome.NotFound)]
    [InlineData("chw.south", CaseCommandOutcome.NotFound)]
    public void Nobody_else_may_resubmit(string userId, CaseCommandOutcome expected)
    {
        var decision = Cases.Decide(Cases.NeedsInfo(), Users.ById(userId), CaseAction.Resubmit);

        Assert.Equal(expected, decision.Outcome);
    }
}
