using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.InputRules;

/// <summary>
/// A field an action does not use is a client mistake (a reason sent to forward would be silently lost), so it is
/// answered with 400 rather than ignored.
/// </summary>
public sealed class UnusedFieldsTests
{
    [Theory]
    [InlineData(CaseAction.Forward)]
    [InlineData(CaseAction.Claim)]
    [InlineData(CaseAction.RequestInfo)]
    [InlineData(CaseAction.Refer)]
    [InlineData(CaseAction.Complete)]
    public void A_reason_is_used_only_by_cancel_and_reopen(CaseAction action)
    {
        var command = Commands.Valid(Users.AshaNorth, action) with { Reason = "because" };

        Assert.Equal(["reason"], CaseInputRules.Validate(command).Keys);
    }

    [Theory]
    [InlineData(CaseAction.Forward)]
    [InlineData(CaseAction.Complete)]
    [InlineData(CaseAction.Cancel)]
    [InlineData(CaseAction.Reopen)]
    public void A_facility_is_used_only_by_refer(CaseAction action)
    {
        var command = Commands.Valid(Users.AshaNorth, action) with { Facility = Commands.Facility };

        Assert.Equal(["facility"], CaseInputRules.Validate(command).Keys);
    }

    [Theory]
    [InlineData(CaseAction.Claim)]
    [InlineData(CaseAction.Release)]
    [InlineData(CaseAction.Refer)]
    [InlineData(CaseAction.Complete)]
    [InlineData(CaseAction.Cancel)]
    [InlineData(CaseAction.Reopen)]
    public void AssignTo_is_used_only_by_forward_and_assign(CaseAction action)
    {
        var command = Commands.Valid(Users.AshaNorth, action) with { AssignTo = Users.ClinicianNorth };

        Assert.Equal(["assignTo"], CaseInputRules.Validate(command).Keys);
    }

    [Theory]
    [InlineData(CaseAction.Cancel)]
    [InlineData(CaseAction.Reopen)]
    public void Cancel_and_reopen_take_a_reason_not_a_note(CaseAction action)
    {
        var command = Commands.Valid(Users.AshaNorth, action) with { Note = "a note" };

        Assert.Equal(["note"], CaseInputRules.Validate(command).Keys);
    }

    [Theory]
    [InlineData(CaseAction.Create)]
    [InlineData((CaseAction)99)]
    public void Create_and_unknown_actions_are_not_actions_on_an_existing_case(CaseAction action)
    {
        Assert.Equal(["action"], CaseInputRules.Validate(new CaseActionCommand("cmd-1", Users.AshaNorth, action)).Keys);
    }
}
