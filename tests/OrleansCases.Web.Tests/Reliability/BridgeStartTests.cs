using System.Net;
using OrleansCases.Abstractions;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Reliability;

[Trait("Category", "Web")]
public sealed class BridgeStartTests(FaultsFixture fixture) : IClassFixture<FaultsFixture>
{
    [Fact]
    public async Task An_instance_hands_out_no_cursor_before_its_bridge_knows_where_it_starts()
    {
        using var writer = new ApiClient(fixture.Web, "chw.north");
        await writer.CreateAsync();

        // A new instance whose bridge cannot learn north's head yet (its log's answer is held).
        var held = fixture.Faults.Hold<IRegionLogGrain>(nameof(IRegionLogGrain.HeadAsync), "north");
        var late = fixture.NewWeb();
        using var reader = new ApiClient(late, "chw.north");
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await reader.GetAsync("/health/ready")).StatusCode);

        // A list asked for now must not carry a cursor from before the bridge's first position: it waits. (Without
        // the wait it answers at once; the bound only lets the old behaviour show before the next change.)
        var listing = reader.GetAsync("/api/cases?view=region");
        await Task.WhenAny(listing, Task.Delay(TimeSpan.FromSeconds(1)));
        var missed = ApiClient.Id(await writer.CreateAsync("P-BETWEEN"));
        held.Release();

        var list = await ApiClient.ExpectAsync(await listing, HttpStatusCode.OK);
        await using var live = await LiveClient.ConnectAsync(late, "chw.north");
        var marker = ApiClient.Id(await writer.CreateAsync("P-MARKER"));
        await live.WaitForAsync(marker, 1);

        // What the client knows from its list and its live events covers every change, the one in between too.
        var listed = list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>());
        Assert.True(
            listed.Contains(missed) || live.VersionsOf(missed).Count > 0,
            "The change made while the bridge started reached the client neither in its list nor live.");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/health/ready")).StatusCode);
    }
}
