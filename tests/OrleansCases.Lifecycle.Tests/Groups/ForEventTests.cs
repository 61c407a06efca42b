using OrleansCases.Abstractions;
using OrleansCases.Lifecycle.Tests.Support;
using Xunit;

namespace OrleansCases.Lifecycle.Tests.Groups;

/// <summary>The groups an event goes to (docs/design.md section 3), each once: SignalR does not de-duplicate.</summary>
public sealed class ForEventTests
{
    [Fact]
    public void An_event_goes_to_owner_region_chws_case_watchers_and_admins()
    {
        var groups = CaseGroups.ForEvent(Events.Of(CaseStatus.Cancelled, CaseStatus.Open));

        string[] expected = ["admins", "case:c0123456789abcdef01234567", "region:north:role:chw", "user:asha.north"];
        Assert.Equal(expected, groups.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(CaseStatus.ForwardedToClinician, CaseStatus.Open)]
    [InlineData(CaseStatus.UnderReview, CaseStatus.ForwardedToClinician)]
    [InlineData(CaseStatus.ForwardedToClinician, CaseStatus.ForwardedToClinician)]
    [InlineData(CaseStatus.Cancelled, CaseStatus.ForwardedToClinician)]
    public void Region_clinicians_get_events_entering_or_leaving_the_review_queue(CaseStatus status, CaseStatus previous)
    {
        Assert.Contains("region:north:role:clinician", CaseGroups.ForEvent(Events.Of(status, previous, "clinician.north")));
    }

    [Theory]
    [InlineData(CaseStatus.Open, null)]
    [InlineData(CaseStatus.NeedsInfo, CaseStatus.UnderReview)]
    [InlineData(CaseStatus.Completed, CaseStatus.Referred)]
    [InlineData(CaseStatus.UnderReview, CaseStatus.Completed)]
    public void Region_clinicians_get_no_events_outside_the_review_queue(CaseStatus status, CaseStatus? previous)
    {
        Assert.DoesNotContain("region:north:role:clinician", CaseGroups.ForEvent(Events.Of(status, previous, "clinician.north")));
    }

    [Fact]
    public void Assignee_and_previous_assignee_each_get_their_user_group()
    {
        var groups = CaseGroups.ForEvent(Events.Of(CaseStatus.ForwardedToClinician, CaseStatus.ForwardedToClinician, "clinician2.north", "clinician.north"));

        Assert.Contains("user:clinician2.north", groups);
        Assert.Contains("user:clinician.north", groups);
    }

    [Fact]
    public void A_user_who_is_assignee_and_previous_assignee_is_listed_once()
    {
        var groups = CaseGroups.ForEvent(Events.Of(CaseStatus.NeedsInfo, CaseStatus.UnderReview, "clinician.north", "clinician.north"));

        Assert.Single(groups, g => g == "user:clinician.north");
        Assert.Equal(groups.Count, groups.Distinct().Count());
    }

    [Fact]
    public void An_owner_who_is_also_named_as_assignee_is_listed_once()
    {
        // Not reachable through the lifecycle today, but the bridge must not double-send if it ever is.
        var groups = CaseGroups.ForEvent(Events.Of(CaseStatus.UnderReview, CaseStatus.NeedsInfo, "asha.north", "asha.north"));

        Assert.Single(groups, g => g == "user:asha.north");
    }

    [Fact]
    public void No_user_group_for_a_missing_assignee()
    {
        var groups = CaseGroups.ForEvent(Events.Of(CaseStatus.Open, null));

        Assert.Single(groups, g => g.StartsWith("user:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_south_event_goes_to_south_groups_only()
    {
        var groups = CaseGroups.ForEvent(Events.Of(CaseStatus.ForwardedToClinician, CaseStatus.Open, ownerId: "asha.south", region: "south"));

        Assert.DoesNotContain(groups, g => g.Contains("north", StringComparison.Ordinal));
        Assert.Contains("region:south:role:chw", groups);
        Assert.Contains("region:south:role:clinician", groups);
    }
}
