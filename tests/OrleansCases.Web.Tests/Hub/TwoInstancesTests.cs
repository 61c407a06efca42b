using System.Net;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Hub;

/// <summary>Two web instances on one cluster, each bridging the streams to its own connections: no backplane.</summary>
[Trait("Category", "Web")]
public sealed class TwoInstancesTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task An_action_sent_through_one_instance_reaches_entitled_clients_of_the_other()
    {
        await using var chwOnB = await LiveClient.ConnectAsync(fixture.B, "chw.north");
        using var ashaOnA = new ApiClient(fixture.A, "asha.north");

        var id = ApiClient.Id(await ashaOnA.CreateAsync());
        await ashaOnA.DoAsync(id, "forward");

        var forwarded = await chwOnB.WaitForAsync(id, 2);
        Assert.Equal("ForwardedToClinician", forwarded.GetProperty("status").GetString());
        Assert.Equal([1, 2], chwOnB.VersionsOf(id));
    }

    [Fact]
    public async Task A_client_that_misses_three_transitions_catches_up_through_the_feed_on_the_other_instance()
    {
        using var asha = new ApiClient(fixture.A, "asha.north");
        using var clinician = new ApiClient(fixture.A, "clinician.north");
        var id = ApiClient.Id(await asha.CreateAsync());
        string cursor;
        await using (var onA = await LiveClient.ConnectAsync(fixture.A, "asha.north"))
        {
            await asha.DoAsync(id, "forward");
            cursor = (await onA.WaitForAsync(id, 2)).GetProperty("cursor").GetString()!;
        }

        await clinician.DoAsync(id, "claim");
        await clinician.DoAsync(id, "request-info", new { note = "Since when?" });
        await asha.DoAsync(id, "resubmit", new { note = "Two days" });

        await using var onB = await LiveClient.ConnectAsync(fixture.B, "asha.north");
        using var ashaOnB = new ApiClient(fixture.B, "asha.north");
        var feed = await ApiClient.ExpectAsync(await ashaOnB.GetAsync($"/api/feed?after={cursor}"), HttpStatusCode.OK);
        var stored = await ApiClient.ExpectAsync(await ashaOnB.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);

        var missed = feed["items"]!.AsArray().Select(e => e!.AsObject()).Where(e => e["caseId"]!.GetValue<string>() == id).ToArray();
        Assert.Equal([3, 4, 5], missed.Select(e => e["version"]!.GetValue<int>()));
        Assert.Equal(["claim", "request-info", "resubmit"], missed.Select(e => e["action"]!.GetValue<string>()));
        var last = missed[^1];
        Assert.Equal(ApiClient.Version(stored), last["version"]!.GetValue<int>());
        Assert.Equal(stored["status"]!.GetValue<string>(), last["status"]!.GetValue<string>());
        Assert.Equal(stored["assigneeId"]!.GetValue<string>(), last["assigneeId"]!.GetValue<string>());

        // Following on from the feed's cursor there is nothing more, and the next change arrives live.
        var next = await ApiClient.ExpectAsync(await ashaOnB.GetAsync($"/api/feed?after={feed["nextCursor"]}"), HttpStatusCode.OK);
        Assert.Empty(next["items"]!.AsArray());
        await clinician.DoAsync(id, "complete");
        await onB.WaitForAsync(id, 6);
    }
}
