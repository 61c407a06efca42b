using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Table;

/// <summary>Row "refer": the assignee sends the patient to a facility.</summary>
public sealed class ReferTests
{
    [Fact]
    public void The_assignee_may_refer_and_the_facility_is_recorded()
    {
        var decision = Cases.Decide(Cases.UnderReview(), Users.ClinicianNorth, CaseAction.Refer);

        Assert.Equal(CaseCommandOutcome.Ok, decision.Outcome);
        Assert.Equal(CaseStatus.Referred, decision.Next!.Status);
        Assert.Equal(Commands.Facility, decision.Next.Facility);
        Assert.Equal(Commands.Facility, decision.Entry!.Facility);
        Assert.Equal("clinician.north", decision.Next.AssigneeId);
    }

    [Theory]
    [InlineData("clinician2.north", CaseCommandOutcome.Forbidden)]
    [InlineData("asha.north", CaseCommandOutcome.Forbidden)]
    [InlineData("chw.north", CaseCommandOutcome.Forbidden)]
    [InlineData("admin", CaseCommandOutcome.Forbidden)]
    [InlineData("clinician.south", CaseCommandOutcome.NotFound)]
    public void Nobody_but_the_assignee_may_refer(string userId, CaseCommandOutcome expected)
    {
        var decision = Cases.Decide(Cases.UnderReview(), Users.ById(userId), CaseAction.Refer);

        Assert.Equal(expected, decision.Outcome);
    }

    [Fact]
    public void The_facility_survives_later_transitions()
    {
        var completed = Cases.Apply(Cases.Referred(), Users.AshaNorth, CaseAction.Complete);

        Assert.Equal(Commands.Facility, completed.Facility);
    }
}
