using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Groups;

/// <summary>Who receives an event through their own groups; the feed uses the same rule as live delivery.</summary>
public sealed class ReceivesTests
{
    [Theory]
    [InlineData("asha.north", true)]
    [InlineData("chw.north", true)]
    [InlineData("clinician.north", true)]
    [InlineData("admin", true)]
    [InlineData("asha2.north", false)]
    [InlineData("chw.south", false)]
    [InlineData("clinician.south", false)]
    public void Who_receives_a_case_entering_the_review_queue(string userId, bool receives)
    {
        var e = Events.Of(CaseStatus.ForwardedToClinician, CaseStatus.Open);

        Assert.Equal(receives, CaseGroups.Receives(Users.ById(userId), e));
    }

    [Theory]
    [InlineData("clinician.north", true)]
    [InlineData("clinician2.north", false)]
    [InlineData("chw.north", true)]
    public void Outside_the_queue_only_the_assignee_among_clinicians_receives(string userId, bool receives)
    {
        var e = Events.Of(CaseStatus.NeedsInfo, CaseStatus.UnderReview, assigneeId: "clinician.north");

        Assert.Equal(receives, CaseGroups.Receives(Users.ById(userId), e));
    }

    [Fact]
    public void A_released_clinician_still_receives_the_release_as_previous_assignee()
    {
        var e = Events.Of(CaseStatus.Completed, CaseStatus.Referred, assigneeId: null, previousAssigneeId: "clinician.north");

        Assert.True(CaseGroups.Receives(Users.ClinicianNorth, e));
    }
}
