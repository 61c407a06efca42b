using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.InputRules;

/// <summary>summary: required, at most 2,000 characters; priority: one of the three defined.</summary>
public sealed class SummaryTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_summary_is_required(string? summary)
    {
        var command = Commands.Create(Users.AshaNorth) with { Summary = summary! };

        Assert.Equal(["summary"], CaseInputRules.Validate(command).Keys);
    }

    [Fact]
    public void A_summary_of_2000_characters_is_accepted()
    {
        var command = Commands.Create(Users.AshaNorth) with { Summary = new string('s', 2_000) };

        Assert.Empty(CaseInputRules.Validate(command));
    }

    [Fact]
    public void A_summary_of_2001_characters_is_rejected()
    {
        var command = Commands.Create(Users.AshaNorth) with { Summary = new string('s', 2_001) };

        Assert.Equal(["summary"], CaseInputRules.Validate(command).Keys);
    }

    [Fact]
    public void An_undefined_priority_is_rejected()
    {
        // JSON binding can only produce the three names, but a grain trusts no caller.
        var command = Commands.Create(Users.AshaNorth) with { Priority = (CasePriority)42 };

        Assert.Equal(["priority"], CaseInputRules.Validate(command).Keys);
    }

    [Fact]
    public void Every_broken_field_is_reported_at_once()
    {
        var command = new CreateCaseCommand("", Users.AshaNorth, "", "", (CasePriority)9);

        Assert.Equal(["commandId", "patientRef", "priority", "summary"], CaseInputRules.Validate(command).Keys.Order());
    }
}
