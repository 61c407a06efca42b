using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Table;

/// <summary>Row "release": the assignee hands an UnderReview case back to the queue and stops being its assignee.</summary>
public sealed class ReleaseTests
{
    [Fact]
    public void The_assignee_may_release_and_the_assignee_is_cleared()
    {
        var decision = Cases.Decide(Cases.UnderReview(Users.ClinicianNorth), Users.ClinicianNorth, CaseAction.Release);

        Assert.Equal(CaseCommandOutcome.Ok, decision.Outcome);
        Assert.Equal(CaseStatus.ForwardedToClinician, decision.Next!.Status);
        Assert.Null(decision.Next.AssigneeId);
    }

    [Theory]
    [InlineData("clinician2.north", CaseCommandOutcome.Forbidden)]
    [InlineData("asha.north", CaseCommandOutcome.Forbidden)]
    [InlineData("chw.north", CaseCommandOutcome.Forbidden)]
    [InlineData("admin", CaseCommandOutcome.Forbidden)]
    [InlineData("clinician.south", CaseCommandOutcome.NotFound)]
    public void Nobody_but_the_assignee_may_release(string userId, CaseCommandOutcome expected)
    {
        var decision = Cases.Decide(Cases.UnderReview(Users.ClinicianNorth), Users.ById(userId), CaseAction.Release);

        Assert.Equal(expected, decision.Outcome);
    }

    [Fact]
    public void A_released_case_may_be_claimed_by_another_clinician()
    {
        var released = Cases.Apply(Cases.UnderReview(Users.ClinicianNorth), Users.ClinicianNorth, CaseAction.Release);

        var next = Cases.Apply(released, Users.Clinician2North, CaseAction.Claim);

        Assert.Equal("clinician2.north", next.AssigneeId);
    }
}
