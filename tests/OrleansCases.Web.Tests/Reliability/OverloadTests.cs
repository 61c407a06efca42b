using System.Net;
using System.Net.WebSockets;
using OrleansCases.Abstractions;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Reliability;

/// <summary>Past what an instance takes on, it refuses at once (503 with Retry-After, a refused connection) and keeps serving what it took.</summary>
[Trait("Category", "Web")]
public sealed class OverloadTests(FaultsFixture fixture) : IClassFixture<FaultsFixture>
{
    [Fact]
    public async Task Requests_past_the_concurrency_limit_get_503_at_once_and_those_in_progress_finish()
    {
        var faults = new InjectedFaults();
        var web = fixture.NewWeb(
            new Dictionary<string, string?> { ["Overload:MaxConcurrentRequests"] = "4", ["Cases:RequestTimeout"] = "00:00:30" },
            faults.AddToClient);
        using var chw = new ApiClient(web, "chw.north");
        var id = ApiClient.Id(await chw.CreateAsync("P-BUSY"));

        // Four reads in progress, their case's answers held: the instance is at its limit.
        var reads = faults.Count<ICaseGrain>(nameof(ICaseGrain.ReadAsync), id);
        var held = faults.Hold<ICaseGrain>(nameof(ICaseGrain.ReadAsync), id);
        var inProgress = Enumerable.Range(0, 4).Select(_ => chw.GetAsync($"/api/cases/{id}")).ToList();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (reads.Value < 4)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
            }
        }

        // More are refused at once, whatever they ask, and nothing of them is done.
        foreach (var path in new[] { "/api/me", "/api/cases?view=region", $"/api/cases/{id}" })
        {
            var refused = await chw.GetAsync(path);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
        }

        var createdWhileFull = await chw.PostJsonAsync("/api/cases", new { patientRef = "P-REFUSED", summary = "Fever", priority = "routine" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, createdWhileFull.StatusCode);
        Assert.All(inProgress, t => Assert.False(t.IsCompleted));
        held.Release();

        foreach (var response in await Task.WhenAll(inProgress))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var list = await ApiClient.ExpectAsync(await chw.GetAsync("/api/cases?view=region"), HttpStatusCode.OK);
        Assert.DoesNotContain(list["items"]!.AsArray(), i => i!["patientRef"]!.GetValue<string>() == "P-REFUSED");
    }

    [Fact]
    public async Task WebSockets_past_the_connection_limit_are_refused_and_the_connected_keep_being_served()
    {
        // 40 connections: 30 upgraded (WebSockets), 10 for requests.
        var web = fixture.NewWeb(new Dictionary<string, string?> { ["Overload:MaxConnections"] = "40" });
        using var asha = new ApiClient(web, "asha.north");
        await asha.CreateAsync("P-WARM");
        await using var live = await LiveClient.ConnectAsync(web, "chw.north");
        var token = TestTokens.For(web, TestTokens.User("chw.north"));
        var sockets = new List<ClientWebSocket>();
        try
        {
            for (var i = 1; i < 30; i++)
            {
                sockets.Add(await RawHubSocket.ConnectAsync(web, token));
            }

            await Assert.ThrowsAnyAsync<WebSocketException>(() => RawHubSocket.ConnectAsync(web, token));

            // Those it took are served as before, and the instance answers requests.
            var id = ApiClient.Id(await asha.CreateAsync("P-SERVED"));
            await live.WaitForAsync(id, 1);
            Assert.Equal(HttpStatusCode.OK, (await asha.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }
}
