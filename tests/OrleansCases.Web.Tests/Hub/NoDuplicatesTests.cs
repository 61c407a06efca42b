using Microsoft.AspNetCore.SignalR.Client;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Hub;

/// <summary>
/// One copy per connection on the wire, however many of an event's groups a connection is in: a CHW who owns the
/// case (their user group and the region's CHWs), clinicians who claim and release it (their user group and the
/// review queue), and every one of them also watching the case, with a second tab of one of them.
/// </summary>
[Trait("Category", "Web")]
public sealed class NoDuplicatesTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private static readonly string[] _readers = ["chw.north", "clinician.north", "clinician2.north", "admin", "chw.north"];

    [Fact]
    public async Task A_connection_in_several_of_an_events_groups_receives_it_once()
    {
        using var chw = new ApiClient(fixture.A, "chw.north");
        using var clinician = new ApiClient(fixture.A, "clinician.north");
        using var clinician2 = new ApiClient(fixture.A, "clinician2.north");
        var live = new List<LiveClient>();
        try
        {
            foreach (var user in _readers)
            {
                live.Add(await LiveClient.ConnectAsync(fixture.A, user));
            }

            // Created while they are connected: the CHWs and the admin receive version 1, the clinicians do not.
            var id = ApiClient.Id(await chw.CreateAsync("P-ONCE", "urgent"));
            foreach (var client in live)
            {
                if (!IsClinician(client))
                {
                    await client.WaitForAsync(id, 1);
                }

                await client.Connection.InvokeAsync<System.Text.Json.JsonElement>("WatchCase", id);
            }

            await chw.DoAsync(id, "forward");
            await clinician.DoAsync(id, "claim");
            await clinician.DoAsync(id, "release", new { note = "Handing over" });
            await clinician2.DoAsync(id, "claim");
            await clinician2.DoAsync(id, "request-info", new { note = "Any rash?" });
            await chw.DoAsync(id, "resubmit", new { note = "No rash" });
            await clinician2.DoAsync(id, "release", new { note = "Off shift" });
            var last = ApiClient.Version(await chw.DoAsync(id, "cancel", new { reason = "Moved away" }));

            // A sentinel case forwarded to the queue, which reaches all of them: a late duplicate would precede it.
            var sentinel = ApiClient.Id(await chw.CreateAsync("P-SENTINEL"));
            await chw.DoAsync(sentinel, "forward");
            foreach (var client in live)
            {
                await client.WaitForAsync(id, last);
                await client.WaitForAsync(sentinel, 2);
                Assert.Equal(Enumerable.Range(IsClinician(client) ? 2 : 1, IsClinician(client) ? last - 1 : last), client.VersionsOf(id));
                Assert.Equal(IsClinician(client) ? [2] : [1, 2], client.VersionsOf(sentinel));
            }
        }
        finally
        {
            foreach (var client in live)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static bool IsClinician(LiveClient client) => client.UserId.StartsWith("clinician", StringComparison.Ordinal);
}
