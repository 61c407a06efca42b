using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Table;

/// <summary>Row "claim": a clinician of the region takes a forwarded case; only the assignee when one is set.</summary>
public sealed class ClaimTests
{
    [Theory]
    [InlineData("clinician.north")]
    [InlineData("clinician2.north")]
    public void Any_clinician_of_the_region_may_claim_an_unassigned_case_and_becomes_its_assignee(string userId)
    {
        var decision = Cases.Decide(Cases.Forwarded(), Users.ById(userId), CaseAction.Claim);

        Assert.Equal(CaseCommandOutcome.Ok, decision.Outcome);
        Assert.Equal(CaseStatus.UnderReview, decision.Next!.Status);
        Assert.Equal(userId, decision.Next.AssigneeId);
    }

    [Fact]
    public void Only_the_assignee_may_claim_an_assigned_case()
    {
        var assigned = Cases.Forwarded(assignTo: Users.Clinician2North);

        Assert.Equal(CaseCommandOutcome.Forbidden, Cases.Decide(assigned, Users.ClinicianNorth, CaseAction.Claim).Outcome);
        Assert.Equal(CaseCommandOutcome.Ok, Cases.Decide(assigned, Users.Clinician2North, CaseAction.Claim).Outcome);
    }

    [Theory]
    [InlineData("asha.north", CaseCommandOutcome.Forbidden)]
    [InlineData("chw.north", CaseCommandOutcome.Forbidden)]
    [InlineData("admin", CaseCommandOutcome.Forbidden)]
    [InlineData("clinician.south", CaseCommandOutcome.NotFound)]
    public void Nobody_but_clinicians_of_the_region_may_claim(string userId, CaseCommandOutcome expected)
    {
        var decision = Cases.Decide(Cases.Forwarded(), Users.ById(userId), CaseAction.Claim);

        Assert.Equal(expected, decision.Outcome);
    }
}
