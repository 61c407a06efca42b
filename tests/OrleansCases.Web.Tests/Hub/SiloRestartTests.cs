using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Hub;

[Trait("Category", "Web")]
public sealed class SiloRestartTests(RestartableSiloFixture fixture) : IClassFixture<RestartableSiloFixture>
{
    [Fact]
    public async Task After_the_silo_is_replaced_live_clients_get_events_again_without_reconnecting()
    {
        await using var chw = await LiveClient.ConnectAsync(fixture.Web, "chw.north");
        using var asha = new ApiClient(fixture.Web, "asha.north");
        var id = ApiClient.Id(await asha.CreateAsync());
        await chw.WaitForAsync(id, 1);

        await fixture.RestartSiloAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var refusals = new List<int>();
        HttpResponseMessage response;
        while (!(response = await asha.ActAsync(id, "forward", new { commandId = "forward-after-restart" })).IsSuccessStatusCode
            && DateTime.UtcNow < deadline)
        {
            // The web's cluster client finds the new silo by itself; until then a command may only answer 503, or 429
            // once this loop, retrying at once rather than after Retry-After, outruns the caller's rate limit (seen in CI).
            refusals.Add((int)response.StatusCode);
        }

        Assert.True(response.IsSuccessStatusCode, $"The web never reached the new silo: {(int)response.StatusCode}");
        Assert.All(refusals, status => Assert.True(status is 503 or 429, $"answered {status} while the silo was being replaced"));
        var forwarded = await chw.WaitForAsync(id, 2);
        Assert.Equal("ForwardedToClinician", forwarded.GetProperty("status").GetString());
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, chw.Connection.State);
    }
}
