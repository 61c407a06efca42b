using System.Text.Json;
using OrleansCases.Abstractions;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Ids;

/// <summary>Action names are kebab-case in URLs and JSON, and the two spellings must never drift apart.</summary>
public sealed class ActionNamesTests
{
    public static TheoryData<CaseAction, string> DesignNames() => new()
    {
        { CaseAction.Create, "create" },
        { CaseAction.Forward, "forward" },
        { CaseAction.Assign, "assign" },
        { CaseAction.Claim, "claim" },
        { CaseAction.Release, "release" },
        { CaseAction.RequestInfo, "request-info" },
        { CaseAction.Resubmit, "resubmit" },
        { CaseAction.Refer, "refer" },
        { CaseAction.Complete, "complete" },
        { CaseAction.Cancel, "cancel" },
        { CaseAction.Reopen, "reopen" },
    };

    [Theory]
    [MemberData(nameof(DesignNames))]
    public void Every_action_has_its_design_name_and_parses_back(CaseAction action, string wire)
    {
        Assert.Equal(wire, ActionNames.ToWire(action));
        Assert.True(ActionNames.TryParse(wire, out var parsed));
        Assert.Equal(action, parsed);
    }

    [Theory]
    [MemberData(nameof(DesignNames))]
    public void Json_uses_the_same_name_as_urls(CaseAction action, string wire)
    {
        Assert.Equal($"\"{wire}\"", JsonSerializer.Serialize(action));
        Assert.Equal(action, JsonSerializer.Deserialize<CaseAction>($"\"{wire}\""));
    }

    [Fact]
    public void Every_enum_value_round_trips_in_kebab_case()
    {
        Assert.All(Enum.GetValues<CaseAction>(), action =>
        {
            var wire = ActionNames.ToWire(action);
            Assert.Matches("^[a-z]+(-[a-z]+)*$", wire);
            Assert.True(ActionNames.TryParse(wire, out var parsed));
            Assert.Equal(action, parsed);
        });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Forward")]
    [InlineData("RequestInfo")]
    [InlineData("request_info")]
    [InlineData("requestinfo")]
    [InlineData(" claim")]
    [InlineData("delete")]
    public void Other_spellings_do_not_parse(string? wire)
    {
        Assert.False(ActionNames.TryParse(wire, out _));
    }
}
