using System.Globalization;
using System.Net;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Reliability;

/// <summary>A web instance that serves 122 regions: north, south and 120 more.</summary>
public sealed class ManyRegionsFixture()
    : FaultsFixture(new Dictionary<string, string?>(), Enumerable.Range(0, ExtraRegions).ToDictionary(
        i => $"Cases:Regions:{i + 2}", i => (string?)$"district-{i.ToString("D3", CultureInfo.InvariantCulture)}"))
{
    public const int ExtraRegions = 120;
}

[Trait("Category", "Web")]
public sealed class ManyRegionsTests(ManyRegionsFixture fixture) : IClassFixture<ManyRegionsFixture>
{
    [Fact]
    public async Task With_many_regions_every_cursor_an_instance_hands_out_resumes_the_feed()
    {
        // 122 regions to subscribe: on a loaded box that takes seconds, and a change stored before then is not live.
        await fixture.Web.ReadyAsync();
        await using var chwLive = await LiveClient.ConnectAsync(fixture.Web, "chw.north");
        await using var adminLive = await LiveClient.ConnectAsync(fixture.Web, "admin");
        using var asha = new ApiClient(fixture.Web, "asha.north");
        using var chw = new ApiClient(fixture.Web, "chw.north");
        using var admin = new ApiClient(fixture.Web, "admin");
        var id = ApiClient.Id(await asha.CreateAsync());

        // A CHW follows one region: the cursor of their events names it alone, whatever else the instance serves.
        var chwCursor = (await chwLive.WaitForAsync(id, 1)).GetProperty("cursor").GetString()!;
        Assert.True(chwCursor.Length < 64, $"A CHW's cursor is {chwCursor.Length} characters long.");
        await ApiClient.ExpectAsync(await chw.GetAsync($"/api/feed?after={chwCursor}"), HttpStatusCode.OK);

        // An admin's cursors name all 122 regions, longer than the 2,048 characters cursors were once cut off at.
        var adminCursor = (await adminLive.WaitForAsync(id, 1)).GetProperty("cursor").GetString()!;
        var list = await ApiClient.ExpectAsync(await admin.GetAsync("/api/cases?view=region&region=north"), HttpStatusCode.OK);
        var listCursor = list["feedCursor"]!.GetValue<string>();
        Assert.True(listCursor.Length > 2048, $"The admin's list cursor is only {listCursor.Length} characters long.");
        foreach (var cursor in new[] { adminCursor, listCursor })
        {
            var feed = await ApiClient.ExpectAsync(await admin.GetAsync($"/api/feed?after={cursor}"), HttpStatusCode.OK);
            Assert.Empty(feed["items"]!.AsArray());
        }
    }
}
