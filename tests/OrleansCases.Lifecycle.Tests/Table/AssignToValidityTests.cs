using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Table;

/// <summary>assignTo must name a clinician of the case's region, or the queue would route the case to nobody.</summary>
public sealed class AssignToValidityTests
{
    [Theory]
    [InlineData("asha.north")]
    [InlineData("chw.north")]
    [InlineData("admin")]
    [InlineData("clinician.south")]
    public void Forward_to_anyone_but_a_clinician_of_the_region_is_Invalid(string assigneeId)
    {
        var open = Cases.Open();

        var decision = Cases.Decide(open, Users.AshaNorth, CaseAction.Forward, assignTo: Users.ById(assigneeId));

        Assert.Equal(CaseCommandOutcome.Invalid, decision.Outcome);
        Assert.Contains("assignTo", decision.Errors!.Keys);
        Assert.Null(decision.Next);
    }

    [Theory]
    [InlineData("asha2.north")]
    [InlineData("chw.south")]
    [InlineData("admin")]
    [InlineData("clinician.south")]
    public void Assign_to_anyone_but_a_clinician_of_the_region_is_Invalid(string assigneeId)
    {
        var decision = Cases.Decide(Cases.Forwarded(), Users.ChwNorth, CaseAction.Assign, assignTo: Users.ById(assigneeId));

        Assert.Equal(CaseCommandOutcome.Invalid, decision.Outcome);
        Assert.Contains("assignTo", decision.Errors!.Keys);
    }
}
