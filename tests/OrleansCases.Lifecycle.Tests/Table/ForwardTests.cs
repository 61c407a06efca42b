using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Table;

/// <summary>Row "forward": Open to ForwardedToClinician, by the owner or a chw of the region.</summary>
public sealed class ForwardTests
{
    [Theory]
    [InlineData("asha.north")]
    [InlineData("chw.north")]
    public void Owner_and_chw_of_the_region_may_forward_an_open_case(string userId)
    {
        var decision = Cases.Decide(Cases.Open(), Users.ById(userId), CaseAction.Forward);

        Assert.Equal(CaseCommandOutcome.Ok, decision.Outcome);
        Assert.Equal(CaseStatus.ForwardedToClinician, decision.Next!.Status);
        Assert.Null(decision.Next.AssigneeId);
    }

    [Theory]
    [InlineData("clinician.north", CaseCommandOutcome.Forbidden)]
    [InlineData("admin", CaseCommandOutcome.Forbidden)]
    [InlineData("asha2.north", CaseCommandOutcome.NotFound)]
    [InlineData("asha.south", CaseCommandOutcome.NotFound)]
    [InlineData("chw.south", CaseCommandOutcome.NotFound)]
    [InlineData("clinician.south", CaseCommandOutcome.NotFound)]
    public void Nobody_else_may_forward(string userId, CaseCommandOutcome expected)
    {
        var decision = Cases.Decide(Cases.Open(), Users.ById(userId), CaseAction.Forward);

        Assert.Equal(expected, decision.Outcome);
    }

    [Fact]
    public void Forward_with_assignTo_makes_that_clinician_the_assignee()
    {
        var decision = Cases.Decide(Cases.Open(), Users.AshaNorth, CaseAction.Forward, assignTo: Users.Clinician2North);

        Assert.Equal(CaseCommandOutcome.Ok, decision.Outcome);
        Assert.Equal("clinician2.north", decision.Next!.AssigneeId);
        Assert.Equal("clinician2.north", decision.Entry!.AssigneeId);
    }
}
