using System.Net;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Operations;

/// <summary>GET /metrics on web and silo: Prometheus text with the Orleans meters and ours, named orleanscases_*.</summary>
[Trait("Category", "Web")]
public sealed class MetricsTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_web_exposes_connections_deliveries_bridge_lag_catchups_and_rejections()
    {
        await using var chw = await LiveClient.ConnectAsync(fixture.A, "chw.north");
        using var asha = new ApiClient(fixture.A, "asha.north");
        var id = ApiClient.Id(await asha.CreateAsync());
        await chw.WaitForAsync(id, 1);
        await ApiClient.ExpectAsync(await asha.GetAsync("/api/cases/c000000000000000000000000"), HttpStatusCode.NotFound);
        await ApiClient.ExpectAsync(await asha.GetAsync("/api/feed?after=not-a-cursor"), HttpStatusCode.BadRequest);
        await ApiClient.ExpectAsync(await asha.GetAsync("/api/feed"), HttpStatusCode.OK);
        var list = await ApiClient.ExpectAsync(await asha.GetAsync("/api/cases?view=mine"), HttpStatusCode.OK);
        await ApiClient.ExpectAsync(await asha.GetAsync($"/api/feed?after={list["feedCursor"]}"), HttpStatusCode.OK);

        var text = await ScrapeAsync(fixture.A.Address);

        Assert.Contains("orleanscases_connections{", text, StringComparison.Ordinal);
        Assert.Contains("role=\"chw\"", text, StringComparison.Ordinal);
        Assert.Contains("orleanscases_events_delivered_total{", text, StringComparison.Ordinal);
        Assert.Contains("orleanscases_bridge_lag_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("orleanscases_feed_catchups_total{", text, StringComparison.Ordinal);
        Assert.Contains("reason=\"not-found\"", text, StringComparison.Ordinal);
        Assert.Contains("reason=\"invalid\"", text, StringComparison.Ordinal);
        // The Orleans client's own meters, and no patient data in any label.
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
        Assert.DoesNotContain("P-100", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// One scrape of the silo for everything it counts: the exporter answers the same text for 300 ms after a scrape,
    /// so a second test scraping right after this one's would read what was before it.
    /// </summary>
    [Fact]
    public async Task The_silo_exposes_the_orleans_meters_transitions_by_action_messages_and_presence_by_region()
    {
        const string Text = "Secret words of a conversation";
        using var asha = new ApiClient(fixture.A, "asha.north");
        var id = ApiClient.Id(await asha.CreateAsync());
        await asha.DoAsync(id, "forward");
        await asha.SayAsync(id, Text);
        Assert.Equal(HttpStatusCode.NoContent, (await asha.PostJsonAsync($"/api/cases/{id}/messages/read", new { upTo = 1 })).StatusCode);
        await using var observer = await LiveClient.ConnectAsync(fixture.A, "asha.north");
        await using var clinician = await LiveClient.ConnectAsync(fixture.A, "clinician.north");
        await observer.WaitForPresenceAsync("clinician.north", online: true, TimeSpan.FromSeconds(10));
        using var doctor = new ApiClient(fixture.A, "clinician.north");
        await ApiClient.ExpectAsync(await doctor.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);

        var text = await ScrapeAsync(fixture.Silo.Address);

        Assert.Contains("orleans_catalog_activations", text, StringComparison.Ordinal);
        Assert.Contains("orleanscases_transitions_total{", text, StringComparison.Ordinal);
        Assert.Contains("action=\"forward\"", text, StringComparison.Ordinal);
        Assert.Contains("region=\"north\"", text, StringComparison.Ordinal);
        Assert.Contains("orleanscases_presence_changes_total{", text, StringComparison.Ordinal);
        Assert.Contains("online=\"true\"", text, StringComparison.Ordinal);
        Assert.Contains("orleanscases_presence_online{", text, StringComparison.Ordinal);
        Assert.Contains("orleanscases_messages_total{", text, StringComparison.Ordinal);
        Assert.Contains("role=\"asha\"", text, StringComparison.Ordinal);
        Assert.Contains("orleanscases_messages_read_total{", text, StringComparison.Ordinal);
        Assert.Contains("orleanscases_cases_seen_total{", text, StringComparison.Ordinal);
        // Counts only: no user id in any label, nothing of a message's text.
        Assert.DoesNotContain("clinician.north", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", text, StringComparison.Ordinal);
    }

    private static async Task<string> ScrapeAsync(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address };
        var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }
}
