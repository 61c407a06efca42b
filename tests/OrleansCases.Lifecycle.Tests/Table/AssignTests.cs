using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Table;

/// <summary>Row "assign": ForwardedToClinician stays, by a chw of the region or an admin; assignTo or null to clear.</summary>
public sealed class AssignTests
{
    [Theory]
    [InlineData("chw.north")]
    [InlineData("admin")]
    public void Chw_of_the_region_and_admin_may_assign_a_forwarded_case(string userId)
    {
        var decision = Cases.Decide(Cases.Forwarded(), Users.ById(userId), CaseAction.Assign, assignTo: Users.ClinicianNorth);

        Assert.Equal(CaseCommandOutcome.Ok, decision.Outcome);
        Assert.Equal(CaseStatus.ForwardedToClinician, decision.Next!.Status);
        Assert.Equal("clinician.north", decision.Next.AssigneeId);
    }

    [Theory]
    [InlineData("asha.north", CaseCommandOutcome.Forbidden)]
    [InlineData("clinician.north", CaseCommandOutcome.Forbidden)]
    [InlineData("clinician2.north", CaseCommandOutcome.Forbidden)]
    [InlineData("asha2.north", CaseCommandOutcome.NotFound)]
    [InlineData("chw.south", CaseCommandOutcome.NotFound)]
    public void Nobody_else_may_assign(string userId, CaseCommandOutcome expected)
    {
        var decision = Cases.Decide(Cases.Forwarded(), Users.ById(userId), CaseAction.Assign, assignTo: Users.ClinicianNorth);

        Assert.Equal(expected, decision.Outcome);
    }

    [Fact]
    public void Assign_to_null_clears_the_assignee()
    {
        var assigned = Cases.Forwarded(assignTo: Users.ClinicianNorth);

        var decision = Cases.Decide(assigned, Users.ChwNorth, CaseAction.Assign, assignTo: null);

        Assert.Equal(CaseCommandOutcome.Ok, decision.Outcome);
        Assert.Null(decision.Next!.AssigneeId);
    }

    [Fact]
    public void Assign_replaces_an_earlier_assignee()
    {
        var assigned = Cases.Forwarded(assignTo: Users.ClinicianNorth);

        var next = Cases.Apply(assigned, Users.Admin, CaseAction.Assign, assignTo: Users.Clinician2North);

        Assert.Equal("clinician2.north", next.AssigneeId);
    }
}
