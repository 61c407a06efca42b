using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansCases.Abstractions.Presence;
using OrleansCases.Web.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace OrleansCases.Web.Tests.Presence;

/// <summary>
/// Presence and viewers over two silos and two web instances (docs/design.md section 9): a CHW or clinician is online
/// while any connection of theirs is open on any instance, offline soon after the last closes or its instance dies,
/// and their region (and admins, nobody else) is told each change; a case's viewers are who has it open, on either
/// instance, told to its watchers and part of the case's answer.
/// </summary>
[Trait("Category", "Web")]
public sealed class PresenceTests(TwoSilosTwoWebsFixture fixture, ITestOutputHelper output) : IClassFixture<TwoSilosTwoWebsFixture>
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_user_is_online_while_any_connection_on_any_instance_is_open_and_offline_once_the_last_closes()
    {
        await using var asha = await LiveClient.SignInAsync(fixture.B.Address, "asha.north");
        await using var admin = await LiveClient.SignInAsync(fixture.A.Address, "admin");
        await using var south = await LiveClient.SignInAsync(fixture.A.Address, "clinician.south");
        var firstTab = await LiveClient.SignInAsync(fixture.A.Address, "clinician.north");
        var secondTab = await LiveClient.SignInAsync(fixture.A.Address, "clinician.north");
        var otherInstance = await LiveClient.SignInAsync(fixture.B.Address, "clinician.north");
        await asha.WaitForPresenceAsync("clinician.north", online: true, Promise);
        await admin.WaitForPresenceAsync("clinician.north", online: true, Promise);
        using var reader = await ApiClient.SignInAsync(fixture.B.Address, "asha.north");
        Assert.True(await OnlineAsync(reader, "clinician.north"));

        // Two of three close: still online. A probe user who leaves after them is announced offline only once their
        // grace has ended too (one grain sweeps both), so by then clinician.north would have been, were they offline.
        await firstTab.DisposeAsync();
        await otherInstance.DisposeAsync();
        var probe = await LiveClient.SignInAsync(fixture.A.Address, "clinician2.north");
        await probe.DisposeAsync();
        await asha.WaitForPresenceAsync("clinician2.north", online: false, Promise);
        Assert.DoesNotContain(asha.PresenceChanges, e => e.GetProperty("userId").GetString() == "clinician.north" && !e.GetProperty("online").GetBoolean());
        Assert.True(await OnlineAsync(reader, "clinician.north"));

        // The last one closes: offline, once, last seen when it closed.
        var lastClosing = DateTimeOffset.UtcNow;
        await secondTab.DisposeAsync();
        var offline = await asha.WaitForPresenceAsync("clinician.north", online: false, Promise);
        Assert.True(offline.GetProperty("lastSeen").GetDateTimeOffset() >= lastClosing.AddSeconds(-1), $"offline as of {offline}, before the last tab closed at {lastClosing:O}");
        Assert.Single(asha.PresenceChanges, e => e.GetProperty("userId").GetString() == "clinician.north" && !e.GetProperty("online").GetBoolean());
        Assert.False(await OnlineAsync(reader, "clinician.north"));
        await admin.WaitForPresenceAsync("clinician.north", online: false, Promise);

        // The other region's clinician hears nothing of north.
        Assert.DoesNotContain(south.PresenceChanges, e => e.GetProperty("region").GetString() == "north");
    }

    [Fact]
    public async Task The_users_of_a_killed_instance_are_offline_within_30_seconds()
    {
        // South's users: no other test of this class connects chw.south, so it starts offline.
        var (survivor, doomed) = (fixture.A.Address, fixture.B.Address);
        await using var watcher = await LiveClient.SignInAsync(survivor, "clinician.south");
        var chw = await LiveClient.SignInAsync(doomed, "chw.south");
        await watcher.WaitForPresenceAsync("chw.south", online: true, Promise);
        using var owner = await ApiClient.SignInAsync(survivor, "asha.south");
        var id = ApiClient.Id(await owner.CreateAsync(Patients.New()));
        await watcher.Connection.InvokeAsync<JsonElement>("WatchCase", id);
        await chw.Connection.InvokeAsync<JsonElement>("WatchCase", id);
        await watcher.WaitForViewersAsync(id, ["chw.south", "clinician.south"], Promise);

        var killed = Stopwatch.StartNew();
        await fixture.B.KillAsync();
        var offline = await watcher.WaitForPresenceAsync("chw.south", online: false, Promise + PresenceTiming.Sweep);
        output.WriteLine($"chw.south offline {killed.Elapsed.TotalSeconds:F1} s after its web instance was killed (promise: {Promise.TotalSeconds} s); {offline}");
        Assert.True(killed.Elapsed <= Promise + PresenceTiming.Sweep);
        // The case it had open is let go within the same promise.
        await watcher.WaitForViewersAsync(id, ["clinician.south"], TimeSpan.FromSeconds(Math.Max(1, (Promise + PresenceTiming.Sweep - killed.Elapsed).TotalSeconds)));
        await chw.DisposeAsync();
        await fixture.B.StartAsync();
    }

    [Fact]
    public async Task Viewers_join_and_leave_on_either_instance_and_are_part_of_the_case_answer()
    {
        // Users of this test only (presence transitions of the others' users would be this test's leftovers).
        using var owner = await ApiClient.SignInAsync(fixture.A.Address, "asha.north");
        var id = ApiClient.Id(await owner.CreateAsync(Patients.New()));
        await using var asha = await LiveClient.SignInAsync(fixture.A.Address, "asha.north");
        var admin = await LiveClient.SignInAsync(fixture.A.Address, "admin");
        var chw = await LiveClient.SignInAsync(fixture.B.Address, "chw.north");

        var answer = await admin.Connection.InvokeAsync<JsonElement>("WatchCase", id);
        Assert.Equal(["admin"], Viewers(answer));
        answer = await chw.Connection.InvokeAsync<JsonElement>("WatchCase", id);
        Assert.Equal(["admin", "chw.north"], Viewers(answer));
        await admin.WaitForViewersAsync(id, ["admin", "chw.north"], Promise);
        await asha.Connection.InvokeAsync<JsonElement>("WatchCase", id);
        var read = await ApiClient.ExpectAsync(await owner.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);
        Assert.Equal(["admin", "asha.north", "chw.north"], Viewers(read));

        // Leaving: a closed connection on B, an UnwatchCase on A; each watcher is told who is left, and one who
        // left is told nothing more.
        await chw.DisposeAsync();
        await admin.WaitForViewersAsync(id, ["admin", "asha.north"], Promise);
        await admin.Connection.InvokeAsync("UnwatchCase", id);
        await asha.WaitForViewersAsync(id, ["asha.north"], Promise);
        Assert.DoesNotContain(admin.ViewerChanges, e => Viewers(e) is ["asha.north"]);
        await admin.DisposeAsync();
        read = await ApiClient.ExpectAsync(await owner.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);
        Assert.Equal(["asha.north"], Viewers(read));
    }

    [Fact]
    public async Task Typing_reaches_the_cases_other_watchers_on_both_instances_throttled_and_changes_nothing()
    {
        using var owner = await ApiClient.SignInAsync(fixture.A.Address, "asha.north");
        var id = ApiClient.Id(await owner.CreateAsync(Patients.New()));
        await using var writer = await LiveClient.SignInAsync(fixture.A.Address, "asha.north");
        await using var onB = await LiveClient.SignInAsync(fixture.B.Address, "admin");
        await using var onA = await LiveClient.SignInAsync(fixture.A.Address, "chw.north");
        await using var bystander = await LiveClient.SignInAsync(fixture.B.Address, "chw.north");
        foreach (var watcher in new[] { writer, onB, onA })
        {
            await watcher.Connection.InvokeAsync<JsonElement>("WatchCase", id);
        }

        // Five signals in a burst: each watcher but the writer hears one. Then another watcher types: by the time its
        // signal arrives, anything more of the burst would have (one grain passes both on, in order).
        for (var i = 0; i < 5; i++)
        {
            await writer.Connection.InvokeAsync("Typing", id);
        }

        var typing = await onB.WaitForTypingAsync(id, "asha.north", Promise);
        Assert.Equal("Asha (north)", typing.GetProperty("name").GetString());
        await onA.WaitForTypingAsync(id, "asha.north", Promise);
        await onA.Connection.InvokeAsync("Typing", id);
        await onB.WaitForTypingAsync(id, "chw.north", Promise);
        await writer.WaitForTypingAsync(id, "chw.north", Promise);
        Assert.Single(onB.TypingSignals, e => e.GetProperty("userId").GetString() == "asha.north");
        Assert.DoesNotContain(writer.TypingSignals, e => e.GetProperty("userId").GetString() == "asha.north");
        Assert.DoesNotContain(onA.TypingSignals, e => e.GetProperty("userId").GetString() == "chw.north");
        Assert.Empty(bystander.TypingSignals);

        // Typing on a case one does not watch is refused; and typing is stored nowhere: the case is as it was.
        var refused = await Assert.ThrowsAsync<HubException>(() => bystander.Connection.InvokeAsync("Typing", id));
        Assert.Contains("Watch the case first", refused.Message, StringComparison.Ordinal);
        var read = await ApiClient.ExpectAsync(await owner.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);
        Assert.Equal(1, ApiClient.Version(read));
        Assert.Single(read["history"]!.AsArray());
    }

    [Fact]
    public async Task Get_presence_lists_the_regions_chws_and_clinicians_to_its_users_and_admins_name_the_region()
    {
        using var asha = await ApiClient.SignInAsync(fixture.A.Address, "asha.north");
        var list = await ApiClient.ExpectAsync(await asha.GetAsync("/api/presence"), HttpStatusCode.OK);
        var ids = list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["chw.north", "clinician.north", "clinician2.north"], ids);
        Assert.All(list["items"]!.AsArray(), i => Assert.True(i!["role"]!.GetValue<string>() is "chw" or "clinician"));

        // Another region is an admin's to name, and only a served region.
        var bad = await asha.GetAsync("/api/presence?region=south");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var admin = await ApiClient.SignInAsync(fixture.A.Address, "admin");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/presence")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/presence?region=nowhere")).StatusCode);
        var south = await ApiClient.ExpectAsync(await admin.GetAsync("/api/presence?region=south"), HttpStatusCode.OK);
        Assert.Equal(["chw.south", "clinician.south"], south["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }


    private static string[] Viewers(JsonElement answer) =>
        [.. answer.GetProperty("viewers").EnumerateArray().Select(v => v.GetProperty("id").GetString()!).Order(StringComparer.Ordinal)];

    private static string[] Viewers(JsonObject answer) =>
        [.. answer["viewers"]!.AsArray().Select(v => v!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal)];

    private static async Task<bool> OnlineAsync(ApiClient reader, string userId)
    {
        var list = await ApiClient.ExpectAsync(await reader.GetAsync("/api/presence"), HttpStatusCode.OK);
        return list["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == userId)!["online"]!.GetValue<bool>();
    }
}
