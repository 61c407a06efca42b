using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.InputRules;

/// <summary>
/// commandId: 1 to 100 printable ASCII characters without spaces. It keys idempotency and the create case id, so
/// it must compare byte for byte and never carry control characters into storage keys.
/// </summary>
public sealed class CommandIdTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("3f2b8c1e-6a4d-4e8f-9b0a-1c2d3e4f5a6b")]
    [InlineData("!#$%&'()*+,-./:;<=>?@[]^_`{|}~")]
    public void Printable_ascii_without_spaces_is_accepted(string commandId)
    {
        Assert.Empty(CaseInputRules.Validate(Commands.Create(Users.AshaNorth, commandId)));
        Assert.Empty(CaseInputRules.Validate(Commands.Valid(Users.AshaNorth, CaseAction.Forward, commandId: commandId)));
    }

    [Fact]
    public void One_hundred_characters_are_accepted_and_one_hundred_and_one_are_not()
    {
        Assert.Empty(CaseInputRules.Validate(Commands.Create(Users.AshaNorth, new string('k', 100))));
        Assert.Equal(["commandId"], CaseInputRules.Validate(Commands.Create(Users.AshaNorth, new string('k', 101))).Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("with space")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    [InlineData("del\u007f")]
    [InlineData("caf\u00e9")]
    public void Anything_else_is_rejected_for_create_and_for_actions(string? commandId)
    {
        Assert.Equal(["commandId"], CaseInputRules.Validate(Commands.Create(Users.AshaNorth, commandId!)).Keys);
        Assert.Equal(
            ["commandId"],
            CaseInputRules.Validate(Commands.Valid(Users.AshaNorth, CaseAction.Forward, commandId: commandId!)).Keys);
    }
}
