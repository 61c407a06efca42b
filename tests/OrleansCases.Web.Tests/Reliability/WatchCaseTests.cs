using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansCases.Abstractions;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Reliability;

[Trait("Category", "Web")]
public sealed class WatchCaseTests(FaultsFixture fixture) : IClassFixture<FaultsFixture>
{
    [Fact]
    public async Task A_change_between_WatchCase_reading_the_case_and_joining_its_group_still_reaches_the_watcher()
    {
        using var asha = new ApiClient(fixture.Web, "asha.north");
        using var reviewer = new ApiClient(fixture.Web, "clinician2.north");
        var id = ApiClient.Id(await asha.CreateAsync("P-WATCHED"));
        await asha.DoAsync(id, "forward");
        await reviewer.DoAsync(id, "claim");

        // Another clinician watches it: a request-info (UnderReview to NeedsInfo) reaches them only as a watcher.
        await using var watcher = await LiveClient.ConnectAsync(fixture.Web, "clinician.north");
        await using var chw = await LiveClient.ConnectAsync(fixture.Web, "chw.north");
        JsonElement answer;
        using (var held = fixture.WebFaults.Hold<ICaseGrain>(nameof(ICaseGrain.GetAsync), id, afterRun: true))
        {
            // The case is read at version 3, and its answer held in the web while version 4 goes out to everyone.
            var watching = watcher.Connection.InvokeAsync<JsonElement>("WatchCase", id);
            await held.Reached.WaitAsync(TimeSpan.FromSeconds(10));
            await reviewer.DoAsync(id, "request-info", new { note = "Since when?" });
            await chw.WaitForAsync(id, 4);
            held.Release();
            answer = await watching.WaitAsync(TimeSpan.FromSeconds(10));
        }

        // A later change arrives live; by then the watcher must know version 4, from the answer or live.
        await asha.DoAsync(id, "resubmit", new { note = "Two days." });
        await watcher.WaitForAsync(id, 5);
        Assert.True(
            answer.GetProperty("version").GetInt32() >= 4 || watcher.VersionsOf(id).Contains(4),
            $"The watcher was answered version {answer.GetProperty("version").GetInt32()} and never received version 4.");
    }
}
