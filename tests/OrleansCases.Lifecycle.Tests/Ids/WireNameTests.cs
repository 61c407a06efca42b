using System.Text.Json;
using OrleansCases.Abstractions;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Ids;

/// <summary>
/// Every enum is spelled one way outside .NET (docs/design.md sections 2–5): in JSON, URLs, query strings, claims and
/// live events alike. WireName and System.Text.Json must never drift apart.
/// </summary>
public sealed class WireNameTests
{
    public static TheoryData<CaseAction, string> ActionNames() => new()
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
    [MemberData(nameof(ActionNames))]
    public void Every_action_has_its_design_name_and_parses_back(CaseAction action, string wire)
    {
        Assert.Equal(wire, WireName.Of(action));
        Assert.True(WireName.TryParse<CaseAction>(wire, out var parsed));
        Assert.Equal(action, parsed);
    }

    [Fact]
    public void The_other_enums_have_their_design_names()
    {
        Assert.Equal(["routine", "urgent", "emergency"], WireName.All<CasePriority>());
        Assert.Equal(["asha", "chw", "clinician", "admin"], WireName.All<UserRole>());
        Assert.Equal(["region", "mine", "queue", "assigned", "patient"], WireName.All<CaseListView>());
        Assert.Equal(
            ["Open", "ForwardedToClinician", "UnderReview", "NeedsInfo", "Referred", "Completed", "Cancelled"],
            WireName.All<CaseStatus>());
    }

    [Fact]
    public void Json_spells_every_value_of_every_enum_as_its_wire_name()
    {
        AssertJsonAgrees<CaseAction>();
        AssertJsonAgrees<CasePriority>();
        AssertJsonAgrees<CaseStatus>();
        AssertJsonAgrees<UserRole>();
    }

    [Fact]
    public void Action_names_are_kebab_case()
    {
        Assert.All(WireName.All<CaseAction>(), wire => Assert.Matches("^[a-z]+(-[a-z]+)*$", wire));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Forward")]
    [InlineData("RequestInfo")]
    [InlineData("request_info")]
    [InlineData("requestinfo")]
    [InlineData(" claim")]
    [InlineData("1")]
    [InlineData("delete")]
    public void Other_spellings_of_an_action_do_not_parse(string? wire)
    {
        Assert.False(WireName.TryParse<CaseAction>(wire, out _));
    }

    [Theory]
    [InlineData("open")]
    [InlineData("0")]
    [InlineData("Routine")]
    [InlineData("Owner")]
    public void Numbers_other_cases_and_dotnet_names_do_not_parse(string wire)
    {
        Assert.False(WireName.TryParse<CaseStatus>(wire, out _));
        Assert.False(WireName.TryParse<CasePriority>(wire, out _));
        Assert.False(WireName.TryParse<CaseListView>(wire, out _));
    }

    [Fact]
    public void A_value_outside_the_enum_has_no_wire_name()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WireName.Of((CasePriority)7));
    }

    private static void AssertJsonAgrees<TEnum>()
        where TEnum : struct, Enum
    {
        Assert.All(Enum.GetValues<TEnum>(), value =>
        {
            var wire = WireName.Of(value);
            Assert.Equal($"\"{wire}\"", JsonSerializer.Serialize(value));
            Assert.Equal(value, JsonSerializer.Deserialize<TEnum>($"\"{wire}\""));
        });
    }
}
