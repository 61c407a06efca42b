using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansCases.Abstractions;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Reliability;

[Trait("Category", "Web")]
public sealed class HubRateLimitTests(FaultsFixture fixture) : IClassFixture<FaultsFixture>
{
    private const int Limit = 5;

    [Fact]
    public async Task Hub_calls_past_the_per_user_limit_fail_with_retry_advice_reach_no_grain_and_spare_other_users()
    {
        var web = fixture.NewWeb(new Dictionary<string, string?>
        {
            ["Auth:RateLimits:HubPerUser:TokenLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Auth:RateLimits:HubPerUser:TokensPerPeriod"] = "1",
            ["Auth:RateLimits:HubPerUser:ReplenishmentPeriod"] = "00:10:00",
        });
        using var chw = new ApiClient(web, "chw.south");
        var own = ApiClient.Id(await chw.CreateAsync("P-OWN"));
        await using var prober = await LiveClient.ConnectAsync(web, "chw.north");
        await using var other = await LiveClient.ConnectAsync(web, "chw.south");

        // Random well-formed ids: each within the limit reaches a case grain (and finds nothing readable).
        var reads = fixture.Faults.Count<ICaseGrain>(nameof(ICaseGrain.GetAsync));
        for (var i = 0; i < Limit; i++)
        {
            var probe = await Assert.ThrowsAsync<HubException>(() => prober.Connection.InvokeAsync<object>("WatchCase", RandomId()));
            Assert.Contains("not found", probe.Message, StringComparison.OrdinalIgnoreCase);
        }

        var beforeRefusal = reads.Value;
        var refused = await Assert.ThrowsAsync<HubException>(() => prober.Connection.InvokeAsync<object>("WatchCase", RandomId()));
        Assert.Contains("Too many requests", refused.Message, StringComparison.Ordinal);
        Assert.Contains("retry after", refused.Message, StringComparison.Ordinal);
        Assert.Equal(beforeRefusal, reads.Value);

        // The refused connection stays open, and another user's budget is their own.
        Assert.Equal(HubConnectionState.Connected, prober.Connection.State);
        await other.Connection.InvokeAsync<object>("WatchCase", own);
    }

    private static string RandomId() => CaseIds.ForCreate("nobody", Guid.NewGuid().ToString("N"));
}
