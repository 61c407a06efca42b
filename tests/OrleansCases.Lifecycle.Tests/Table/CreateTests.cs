using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Table;

/// <summary>Row "create": asha or chw, in their own region, which becomes the case's.</summary>
public sealed class CreateTests
{
    [Theory]
    [InlineData("asha.north", "north")]
    [InlineData("chw.north", "north")]
    [InlineData("asha.south", "south")]
    [InlineData("chw.south", "south")]
    public void Ashas_and_chws_open_a_case_in_their_own_region(string userId, string region)
    {
        var actor = Users.ById(userId);
        var command = Commands.Create(actor);

        var decision = CaseLifecycle.DecideCreate("c1", command, Cases.Now);

        Assert.Equal(CaseCommandOutcome.Ok, decision.Outcome);
        var created = decision.Next!;
        Assert.Equal(region, created.Region);
        Assert.Equal(CaseStatus.Open, created.Status);
        Assert.Equal(1, created.Version);
        Assert.Equal(userId, created.OwnerId);
        Assert.Null(created.AssigneeId);
        Assert.Equal((command.PatientRef, command.Summary, command.Priority), (created.PatientRef, created.Summary, created.Priority));
    }

    [Fact]
    public void The_first_history_entry_is_version_1_create_from_nothing_to_Open()
    {
        var decision = CaseLifecycle.DecideCreate("c1", Commands.Create(Users.AshaNorth), Cases.Now);

        Assert.Equal(
            new CaseHistoryEntry(
                Version: 1, Action: CaseAction.Create, From: null, To: CaseStatus.Open, By: "asha.north", ByName: "Asha North",
                At: Cases.Now, Note: null, AssigneeId: null, Facility: null),
            decision.Entry);
    }

    [Theory]
    [InlineData("clinician.north")]
    [InlineData("clinician.south")]
    [InlineData("admin")]
    public void Clinicians_and_admins_may_not_open_a_case(string userId)
    {
        var decision = CaseLifecycle.DecideCreate("c1", Commands.Create(Users.ById(userId)), Cases.Now);

        Assert.Equal(CaseCommandOutcome.Forbidden, decision.Outcome);
        Assert.Null(decision.Next);
    }

    [Fact]
    public void Create_on_an_existing_case_is_never_allowed()
    {
        // Create has no "from" status: asking for it through the action endpoint is not a transition of this case.
        var decision = Cases.Decide(Cases.Open(), Users.AshaNorth, CaseAction.Create);

        Assert.Equal(CaseCommandOutcome.Forbidden, decision.Outcome);
    }
}
