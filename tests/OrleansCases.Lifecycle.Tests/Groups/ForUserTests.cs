using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Groups;

/// <summary>The groups a connection joins come from the user's claims alone (docs/design.md section 3).</summary>
public sealed class ForUserTests
{
    [Theory]
    [InlineData("asha.north", new[] { "user:asha.north" })]
    [InlineData("chw.north", new[] { "user:chw.north", "region:north:role:chw" })]
    [InlineData("clinician.south", new[] { "user:clinician.south", "region:south:role:clinician" })]
    [InlineData("admin", new[] { "user:admin", "admins" })]
    public void Each_role_joins_its_own_user_group_and_its_role_group(string userId, string[] expected)
    {
        Assert.Equal(expected.Order(StringComparer.Ordinal), CaseGroups.ForUser(Users.ById(userId)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_asha_joins_no_region_group()
    {
        // Ashas see only their own cases; a region group would show them their colleagues' patients.
        Assert.DoesNotContain(CaseGroups.ForUser(Users.AshaNorth), g => g.StartsWith("region:", StringComparison.Ordinal));
    }

    [Fact]
    public void Group_names_are_spelled_as_in_the_design()
    {
        Assert.Equal("user:u1", CaseGroups.User("u1"));
        Assert.Equal("region:north:role:chw", CaseGroups.RegionChw("north"));
        Assert.Equal("region:north:role:clinician", CaseGroups.RegionClinician("north"));
        Assert.Equal("case:c1", CaseGroups.Case("c1"));
        Assert.Equal("admins", CaseGroups.Admins);
    }
}
