using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.InputRules;

/// <summary>note and reason at most 1,000 characters, facility at most 200 (docs/design.md section 4).</summary>
public sealed class TextLimitTests
{
    [Theory]
    [InlineData(1_000, true)]
    [InlineData(1_001, false)]
    public void A_note_may_have_up_to_1000_characters(int length, bool accepted)
    {
        var command = Commands.Valid(Users.ClinicianNorth, CaseAction.RequestInfo) with { Note = new string('n', length) };

        Assert.Equal(accepted, CaseInputRules.Validate(command).Count == 0);
    }

    [Theory]
    [InlineData(1_000, true)]
    [InlineData(1_001, false)]
    public void A_reason_may_have_up_to_1000_characters(int length, bool accepted)
    {
        var command = Commands.Valid(Users.AshaNorth, CaseAction.Cancel) with { Reason = new string('r', length) };

        Assert.Equal(accepted, CaseInputRules.Validate(command).Count == 0);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void A_facility_may_have_up_to_200_characters(int length, bool accepted)
    {
        var command = Commands.Valid(Users.ClinicianNorth, CaseAction.Refer) with { Facility = new string('f', length) };

        Assert.Equal(accepted, CaseInputRules.Validate(command).Count == 0);
    }

    [Fact]
    public void An_overlong_field_is_reported_under_its_own_name()
    {
        var command = Commands.Valid(Users.ClinicianNorth, CaseAction.Refer) with
        {
            Note = new string('n', 1_001),
            Facility = new string('f', 201),
        };

        Assert.Equal(["facility", "note"], CaseInputRules.Validate(command).Keys.Order());
    }

    [Fact]
    public void An_expectedVersion_below_1_is_rejected()
    {
        // Versions start at 1, so 0 or less can only be a client bug.
        var command = Commands.Valid(Users.AshaNorth, CaseAction.Forward) with { ExpectedVersion = 0 };

        Assert.Equal(["expectedVersion"], CaseInputRules.Validate(command).Keys);
        Assert.Empty(CaseInputRules.Validate(command with { ExpectedVersion = 1 }));
    }
}
