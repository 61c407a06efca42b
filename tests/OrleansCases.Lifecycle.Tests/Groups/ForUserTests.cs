using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Groups;

/// <summary>The groups a connection joins come from the user's claims alone (docs/design.md section 3).</summary>
public sealed class ForUserTests
{
    [Theory]
    [InlineData("asha.north", new[] { "user:asha.north", "region:north" })]
    [InlineData("chw.north", new[] { "user:chw.north", "region:north:role:chw", "region:north" })]
    [InlineData("clinician.south", new[] { "user:clinician.south", "region:south:role:clinician", "region:south" })]
    [InlineData("admin", new[] { "user:admin", "admins" })]
    public void Each_role_joins_its_own_user_group_its_role_group_and_its_region_group(string userId, string[] expected)
    {
        Assert.Equal(expected.Order(StringComparer.Ordinal), CaseGroups.ForUser(Users.ById(userId)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_asha_joins_no_role_group_of_her_region()
    {
        // Ashas see only their own cases; a role group would show them their colleagues' patients.
        Assert.DoesNotContain(CaseGroups.ForUser(Users.AshaNorth), g => g.StartsWith("region:north:role:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CaseStatus.Open, null)]
    [InlineData(CaseStatus.ForwardedToClinician, CaseStatus.Open)]
    [InlineData(CaseStatus.UnderReview, CaseStatus.ForwardedToClinician)]
    [InlineData(CaseStatus.Completed, CaseStatus.UnderReview)]
    public void No_case_event_goes_to_the_region_group_that_ashas_are_in(CaseStatus status, CaseStatus? previous)
    {
        // The region's group carries presence only: it holds every asha of the region.
        Assert.DoesNotContain(CaseGroups.Region("north"), CaseGroups.ForEvent(Events.Of(status, previous, "clinician.north", "clinician2.north")));
    }

    [Fact]
    public void Group_names_are_spelled_as_in_the_design()
    {
        Assert.Equal("user:u1", CaseGroups.User("u1"));
        Assert.Equal("region:north:role:chw", CaseGroups.RegionChw("north"));
        Assert.Equal("region:north:role:clinician", CaseGroups.RegionClinician("north"));
        Assert.Equal("case:c1", CaseGroups.Case("c1"));
        Assert.Equal("region:north", CaseGroups.Region("north"));
        Assert.Equal("admins", CaseGroups.Admins);
    }
}
