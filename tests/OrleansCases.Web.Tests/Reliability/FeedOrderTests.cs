using System.Net;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Reliability;

[Trait("Category", "Web")]
public sealed class FeedOrderTests(FaultsFixture fixture) : IClassFixture<FaultsFixture>
{
    [Fact]
    public async Task A_change_decided_earlier_but_stored_later_is_read_in_seq_order_and_never_skipped()
    {
        using var chw = new ApiClient(fixture.Web, "chw.north");
        var start = (await ApiClient.ExpectAsync(await chw.GetAsync("/api/feed"), HttpStatusCode.OK))["nextCursor"]!.GetValue<string>();
        var first = ApiClient.Id(await chw.CreateAsync("P-EARLY"));

        // The second change is decided at a time before the first's (clocks of two silos disagree; a grain decided,
        // then waited for its region's batch), but stored after it, so its seq is higher.
        fixture.Clock.Advance(TimeSpan.FromMinutes(-1));
        string second;
        try
        {
            second = ApiClient.Id(await chw.CreateAsync("P-LATE"));
        }
        finally
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        // A full page (limit 2) used to stop at the time of its last event and so move past the first change unread.
        var page = await ApiClient.ExpectAsync(await chw.GetAsync($"/api/feed?after={start}&limit=2"), HttpStatusCode.OK);
        var items = page["items"]!.AsArray();
        Assert.Equal([first, second], items.Select(i => i!["caseId"]!.GetValue<string>()));
        Assert.Equal(items[0]!["seq"]!.GetValue<long>() + 1, items[1]!["seq"]!.GetValue<long>());
        var rest = await ApiClient.ExpectAsync(await chw.GetAsync($"/api/feed?after={page["nextCursor"]}"), HttpStatusCode.OK);
        Assert.Empty(rest["items"]!.AsArray());
    }
}
