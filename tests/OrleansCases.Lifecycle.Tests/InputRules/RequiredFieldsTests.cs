using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.InputRules;

/// <summary>
/// request-info needs the question, resubmit the answer, cancel and reopen a reason, refer the facility: without
/// them the history cannot explain the transition. Whitespace is no answer.
/// </summary>
public sealed class RequiredFieldsTests
{
    [Theory]
    [InlineData(CaseAction.RequestInfo, "note")]
    [InlineData(CaseAction.Resubmit, "note")]
    [InlineData(CaseAction.Cancel, "reason")]
    [InlineData(CaseAction.Reopen, "reason")]
    [InlineData(CaseAction.Refer, "facility")]
    public void An_action_without_its_required_field_is_rejected(CaseAction action, string field)
    {
        var bare = new CaseActionCommand("cmd-1", Users.AshaNorth, action);

        Assert.Equal([field], CaseInputRules.Validate(bare).Keys);
    }

    [Theory]
    [InlineData(CaseAction.RequestInfo)]
    [InlineData(CaseAction.Resubmit)]
    public void A_whitespace_note_does_not_count(CaseAction action)
    {
        var command = Commands.Valid(Users.AshaNorth, action) with { Note = "  \t " };

        Assert.Equal(["note"], CaseInputRules.Validate(command).Keys);
    }

    [Theory]
    [InlineData(CaseAction.Cancel)]
    [InlineData(CaseAction.Reopen)]
    public void A_whitespace_reason_does_not_count(CaseAction action)
    {
        var command = Commands.Valid(Users.AshaNorth, action) with { Reason = " " };

        Assert.Equal(["reason"], CaseInputRules.Validate(command).Keys);
    }

    [Theory]
    [InlineData(CaseAction.Forward)]
    [InlineData(CaseAction.Assign)]
    [InlineData(CaseAction.Claim)]
    [InlineData(CaseAction.Release)]
    [InlineData(CaseAction.Complete)]
    public void Actions_without_required_fields_need_nothing_but_a_commandId(CaseAction action)
    {
        Assert.Empty(CaseInputRules.Validate(new CaseActionCommand("cmd-1", Users.AshaNorth, action)));
    }

    [Fact]
    public void Every_action_filled_by_the_test_helper_is_valid()
    {
        // The property tests rely on Commands.Valid producing commands that would reach the grain.
        Assert.All(Commands.OnExistingCase, a => Assert.Empty(CaseInputRules.Validate(Commands.Valid(Users.AshaNorth, a, Users.ClinicianNorth))));
    }
}
