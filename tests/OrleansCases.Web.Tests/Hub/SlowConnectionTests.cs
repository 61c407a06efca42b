using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Hub;

/// <summary>
/// A connection that stops reading must delay only itself. A long-polling client that never polls again is the
/// slowest reader there is: its server-side buffer (64 KiB) fills after a few dozen events and every further write
/// to it waits. The other connections of the same groups must still get every event promptly.
/// </summary>
[Trait("Category", "Web")]
public sealed class SlowConnectionTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private const char RecordSeparator = '\u001e';

    [Fact]
    public async Task A_connection_that_stops_reading_holds_up_nobody_else()
    {
        using var stalled = await ConnectLongPollingThenStopReadingAsync("chw.north");
        await using var reader = await LiveClient.ConnectAsync(fixture.A, "chw.north");
        using var chw = new ApiClient(fixture.A, "chw.north");

        // 60 cases forwarded with 1,000-character notes: about 100 KiB for the stalled connection's 64 KiB buffer.
        var note = new string('n', 1_000);
        var ids = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var id = ApiClient.Id(await chw.CreateAsync());
            await chw.DoAsync(id, "forward", new { note });
            ids.Add(id);
        }

        foreach (var id in ids)
        {
            await reader.WaitForAsync(id, 2);
        }

        Assert.All(ids, id => Assert.Equal([1, 2], reader.VersionsOf(id)));
    }

    /// <summary>Negotiates long polling, polls once so the connection starts, hands shakes, and never polls again.</summary>
    private async Task<HttpClient> ConnectLongPollingThenStopReadingAsync(string userId)
    {
        var http = new HttpClient { BaseAddress = fixture.A.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(fixture.A, TestTokens.User(userId)));
        var negotiate = await http.PostAsync(new Uri("hubs/cases/negotiate?negotiateVersion=1", UriKind.Relative), null);
        negotiate.EnsureSuccessStatusCode();
        var token = (await negotiate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString();
        var endpoint = new Uri($"hubs/cases?id={Uri.EscapeDataString(token!)}", UriKind.Relative);

        (await http.GetAsync(endpoint)).EnsureSuccessStatusCode();
        var handshake = new StringContent("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator, Encoding.UTF8, "text/plain");
        (await http.PostAsync(endpoint, handshake)).EnsureSuccessStatusCode();
        return http;
    }
}
