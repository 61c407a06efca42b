using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Table;

/// <summary>Row "request-info": the assignee asks a question; the case waits in NeedsInfo.</summary>
public sealed class RequestInfoTests
{
    [Fact]
    public void The_assignee_may_request_info_and_stays_assignee()
    {
        var decision = Cases.Decide(Cases.UnderReview(), Users.ClinicianNorth, CaseAction.RequestInfo);

        Assert.Equal(CaseCommandOutcome.Ok, decision.Outcome);
        Assert.Equal(CaseStatus.NeedsInfo, decision.Next!.Status);
        Assert.Equal("clinician.north", decision.Next.AssigneeId);
        Assert.Equal(Commands.Note, decision.Entry!.Note);
    }

    [Theory]
    [InlineData("clinician2.north", CaseCommandOutcome.Forbidden)]
    [InlineData("asha.north", CaseCommandOutcome.Forbidden)]
    [InlineData("chw.north", CaseCommandOutcome.Forbidden)]
    [InlineData("admin", CaseCommandOutcome.Forbidden)]
    [InlineData("asha.south", CaseCommandOutcome.NotFound)]
    public void Nobody_but_the_assignee_may_request_info(string userId, CaseCommandOutcome expected)
    {
        var decision = Cases.Decide(Cases.UnderReview(), Users.ById(userId), CaseAction.RequestInfo);

        Assert.Equal(expected, decision.Outcome);
    }
}
