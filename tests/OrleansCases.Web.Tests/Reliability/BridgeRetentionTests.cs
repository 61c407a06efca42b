using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Reliability;

/// <summary>
/// A silo that keeps only the last two events of a region once they are a second old (by a clock the test moves), and
/// a web whose bridge never polls: only a delivered event shows it a gap, so the test decides when it looks.
/// </summary>
public sealed class ShortRetentionFaultsFixture() : FaultsFixture(
    new Dictionary<string, string?>
    {
        ["ReadModel:FeedRetention:MinEvents"] = "2",
        ["ReadModel:FeedRetention:MinAge"] = "00:00:01",
    },
    new Dictionary<string, string?> { ["Bridge:PollInterval"] = "01:00:00" });

[Trait("Category", "Web")]
public sealed class BridgeRetentionTests(ShortRetentionFaultsFixture fixture) : IClassFixture<ShortRetentionFaultsFixture>
{
    [Fact]
    public async Task A_bridge_behind_the_retention_floor_resyncs_that_regions_clients_only_and_delivers_again()
    {
        await using var north = await LiveClient.ConnectAsync(fixture.Web, "chw.north");
        await using var south = await LiveClient.ConnectAsync(fixture.Web, "chw.south");
        using var northChw = new ApiClient(fixture.Web, "chw.north");
        using var southChw = new ApiClient(fixture.Web, "chw.south");
        await north.WaitForAsync(ApiClient.Id(await northChw.CreateAsync()), 1);

        // The stream loses north's next events (as a silo that dies with them queued does) while the feed prunes
        // them: by the time the bridge sees a gap, what it missed is gone from storage too.
        var dropped = fixture.Faults.Drop("north");
        try
        {
            for (var i = 0; i < 4; i++)
            {
                fixture.Clock.Advance(TimeSpan.FromMinutes(1));
                await northChw.CreateAsync();
            }

            // Dropped as the stream delivers them, not as they are stored: wait until the stream has passed all four.
            await dropped.WaitForAsync(4, TimeSpan.FromSeconds(10));
        }
        finally
        {
            fixture.Faults.Deliver("north");
        }

        var after = ApiClient.Id(await northChw.CreateAsync());
        Assert.False(string.IsNullOrEmpty(await north.FirstResync.WaitAsync(TimeSpan.FromSeconds(10))));
        await north.WaitForAsync(after, 1);

        // South's clients lost nothing: a south event sent after north's resync arrives without a resync before it.
        var southCase = ApiClient.Id(await southChw.CreateAsync());
        await south.WaitForAsync(southCase, 1);
        Assert.Equal(0, south.Resyncs);
    }
}
