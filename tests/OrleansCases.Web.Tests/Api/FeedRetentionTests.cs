using System.Net;
using OrleansCases.Testing;
using OrleansCases.Web.Live;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Api;

/// <summary>A silo that keeps only the last two events of a region, once they are a second old.</summary>
public sealed class ShortRetentionFixture : IAsyncLifetime
{
    private readonly string _serviceId = UniqueName.For("retention");
    private TestSilo? _silo;
    private WebInstance? _web;

    public WebInstance Web => _web ??= new WebInstance(_serviceId, _silo!.GatewayPort);

    public async Task InitializeAsync() =>
        _silo = await TestSilo.StartAsync(_serviceId, settings: new Dictionary<string, string?>
        {
            ["ReadModel:FeedRetention:MinEvents"] = "2",
            ["ReadModel:FeedRetention:MinAge"] = "00:00:01",
        });

    public async Task DisposeAsync()
    {
        if (_web is not null)
        {
            await _web.DisposeAsync();
        }

        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }
}

[Trait("Category", "Web")]
public sealed class FeedRetentionTests(ShortRetentionFixture fixture) : IClassFixture<ShortRetentionFixture>
{
    [Fact]
    public async Task A_cursor_past_the_feeds_retention_answers_410_and_a_fresh_list_resumes_from_its_feed_cursor()
    {
        using var chw = new ApiClient(fixture.Web, "chw.north");
        var fromTheStart = FeedCursor.Empty.With("north", 0).Encode();

        // Events older than a second and more than two behind the head are pruned as new ones arrive.
        HttpResponseMessage response;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await chw.CreateAsync();
            response = await chw.GetAsync($"/api/feed?after={fromTheStart}");
        }
        while (response.StatusCode == HttpStatusCode.OK && DateTime.UtcNow < deadline);

        var gone = await ApiClient.ExpectAsync(response, HttpStatusCode.Gone);
        Assert.Contains("north", gone["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var list = await ApiClient.ExpectAsync(await chw.GetAsync("/api/cases?view=region"), HttpStatusCode.OK);
        var resumed = await chw.GetAsync($"/api/feed?after={list["feedCursor"]}");
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
    }
}
