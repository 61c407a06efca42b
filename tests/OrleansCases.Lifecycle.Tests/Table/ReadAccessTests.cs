using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Table;

/// <summary>docs/design.md section 3: the owner, every chw and clinician of the region, and admins read a case.</summary>
public sealed class ReadAccessTests
{
    [Theory]
    [InlineData("asha.north", true)]
    [InlineData("chw.north", true)]
    [InlineData("clinician.north", true)]
    [InlineData("clinician2.north", true)]
    [InlineData("admin", true)]
    [InlineData("asha2.north", false)]
    [InlineData("asha.south", false)]
    [InlineData("chw.south", false)]
    [InlineData("clinician.south", false)]
    public void Who_may_read_a_case_opened_by_asha_north(string userId, bool canRead)
    {
        Assert.Equal(canRead, CaseLifecycle.CanRead(Cases.Open(), Users.ById(userId)));
    }

    [Fact]
    public void Users_who_cannot_read_get_NotFound_for_every_action_in_every_status()
    {
        var strangers = Users.All.Where(u => !CaseLifecycle.CanRead(Cases.Open(), u)).ToArray();
        Assert.Equal(4, strangers.Length);

        foreach (var @case in new[] { Cases.Open(), Cases.Forwarded(), Cases.UnderReview(), Cases.NeedsInfo(), Cases.Referred(), Cases.Completed(), Cases.Cancelled() })
        {
            foreach (var user in strangers)
            {
                Assert.Empty(CaseLifecycle.AllowedActions(@case, user));
                foreach (var action in Commands.OnExistingCase)
                {
                    Assert.Equal(CaseCommandOutcome.NotFound, Cases.Decide(@case, user, action).Outcome);
                }
            }
        }
    }
}
