using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Hub;

[Trait("Category", "Web")]
public sealed class HubBadInputTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task Watching_a_case_of_another_region_fails_like_an_unknown_case_and_joins_nothing()
    {
        using var ashaSouth = new ApiClient(fixture.A, "asha.south");
        var id = ApiClient.Id(await ashaSouth.CreateAsync());
        await using var north = await LiveClient.ConnectAsync(fixture.A, "chw.north");

        var other = await Assert.ThrowsAsync<HubException>(() => north.Connection.InvokeAsync<object>("WatchCase", id));
        var unknown = await Assert.ThrowsAsync<HubException>(() => north.Connection.InvokeAsync<object>("WatchCase", "c000000000000000000000000"));
        var garbage = await Assert.ThrowsAsync<HubException>(() => north.Connection.InvokeAsync<object>("WatchCase", "../../etc"));

        Assert.Equal(unknown.Message, other.Message);
        Assert.Equal(unknown.Message, garbage.Message);

        // Had it joined case:{id}, it would get this event before the sentinel of its own region.
        await ashaSouth.DoAsync(id, "forward");
        using var chw = new ApiClient(fixture.A, "chw.north");
        var sentinel = ApiClient.Id(await chw.CreateAsync());
        await north.WaitForAsync(sentinel, 1);
        Assert.Empty(north.VersionsOf(id));
    }

    [Fact]
    public async Task Watching_a_readable_case_answers_it_and_delivers_its_events()
    {
        using var asha = new ApiClient(fixture.A, "asha.north");
        var id = ApiClient.Id(await asha.CreateAsync());
        await using var clinician = await LiveClient.ConnectAsync(fixture.A, "clinician.north");

        var watched = await clinician.Connection.InvokeAsync<System.Text.Json.JsonElement>("WatchCase", id);
        await asha.DoAsync(id, "cancel", new { reason = "Resolved" });

        Assert.Equal(id, watched.GetProperty("id").GetString());
        await clinician.WaitForAsync(id, 2);
    }

    [Fact]
    public async Task A_100_KiB_hub_message_closes_only_that_connection()
    {
        await using var offender = await LiveClient.ConnectAsync(fixture.A, "chw.north");
        await using var bystander = await LiveClient.ConnectAsync(fixture.A, "chw.north");
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        offender.Connection.Closed += e =>
        {
            closed.TrySetResult(e);
            return Task.CompletedTask;
        };

        await Assert.ThrowsAnyAsync<Exception>(() => offender.Connection.InvokeAsync<object>("WatchCase", new string('x', 100 * 1024)));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        using var chw = new ApiClient(fixture.A, "chw.north");
        var id = ApiClient.Id(await chw.CreateAsync());
        await bystander.WaitForAsync(id, 1);
        Assert.Equal(HubConnectionState.Connected, bystander.Connection.State);
        Assert.Equal(HubConnectionState.Disconnected, offender.Connection.State);
    }

    [Fact]
    public async Task A_connection_without_a_token_is_refused()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => LiveClient.ConnectAsync(fixture.A, "chw.north", token: "not-a-token"));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessagePack_clients_get_WatchCase_answers_in_the_same_shape_as_JSON_clients()
    {
        using var asha = new ApiClient(fixture.A, "asha.north");
        var id = ApiClient.Id(await asha.CreateAsync(priority: "urgent"));
        await asha.DoAsync(id, "forward", new { note = "Please look" });
        await using var json = await LiveClient.ConnectAsync(fixture.A, "admin");
        await using var messagePack = await LiveClient.ConnectAsync(fixture.A, "admin", messagePack: true);

        var byJson = JsonNode.Parse((await json.Connection.InvokeAsync<System.Text.Json.JsonElement>("WatchCase", id)).GetRawText());
        var byMessagePack = MessagePackJson.From(await messagePack.Connection.InvokeAsync<object>("WatchCase", id));

        // camelCase keys, enums by their JSON names, ISO times: the same document, whatever the protocol.
        Assert.True(JsonNode.DeepEquals(byJson, byMessagePack), $"JSON: {byJson}\nMessagePack: {byMessagePack}");
        Assert.Equal("urgent", byMessagePack!["priority"]!.GetValue<string>());
    }

    [Fact]
    public async Task MessagePack_clients_receive_the_same_camel_case_event()
    {
        await using var json = await LiveClient.ConnectAsync(fixture.A, "admin");
        await using var messagePack = await LiveClient.ConnectAsync(fixture.A, "admin", messagePack: true);
        using var asha = new ApiClient(fixture.A, "asha.north");

        var id = ApiClient.Id(await asha.CreateAsync(priority: "emergency"));

        var a = await json.WaitForAsync(id, 1);
        var b = await messagePack.WaitForAsync(id, 1);
        Assert.Equal(a.GetProperty("timestamp").GetString(), b.GetProperty("timestamp").GetString());
        Assert.Equal("emergency", b.GetProperty("priority").GetString());
        Assert.Equal("create", b.GetProperty("action").GetString());
        Assert.Equal(a.GetProperty("cursor").GetString(), b.GetProperty("cursor").GetString());
    }
}
