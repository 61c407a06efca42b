using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Conversation;

/// <summary>
/// A case's conversation over two silos and two web instances (docs/design.md section 9): a message is stored with the
/// case's next number, travels the region's stream like a status change, reaches exactly the conversation's audience
/// on both instances in order, comes back through the feed after an absence, is stored once however often it is sent,
/// and nobody who may not read the case can post or read. Each test uses its own case, and users whose rate limits
/// and connections no other test of the class touches where that matters.
/// </summary>
[Trait("Category", "Web")]
public sealed class ConversationTests(TwoSilosTwoWebsFixture fixture) : IClassFixture<TwoSilosTwoWebsFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_message_posted_on_one_instance_reaches_exactly_its_audience_on_both_in_order_once_per_number()
    {
        // A case forwarded to clinician.north: in the review queue, so every north clinician receives its status
        // changes, but only its assignee is in its conversation.
        using var asha = await ApiClient.SignInAsync(fixture.A.Address, "asha.north");
        using var clinician = await ApiClient.SignInAsync(fixture.A.Address, "clinician.north");
        var id = ApiClient.Id(await asha.CreateAsync(Patients.New()));
        await asha.DoAsync(id, "forward", new { assignTo = "clinician.north" });

        // The audience, on both instances: owner, assignee, the region's CHWs, admins, and a watcher who is none of
        // those (a second north clinician with the case open). Everyone else hears nothing of it.
        var owner = await LiveClient.SignInAsync(fixture.B.Address, "asha.north");
        var assignee = await LiveClient.SignInAsync(fixture.A.Address, "clinician.north");
        var chw = await LiveClient.SignInAsync(fixture.B.Address, "chw.north");
        var admin = await LiveClient.SignInAsync(fixture.A.Address, "admin");
        var watcher = await LiveClient.SignInAsync(fixture.B.Address, "clinician2.north");
        await watcher.Connection.InvokeAsync<JsonElement>("WatchCase", id);
        var sameClinicianNotWatching = await LiveClient.SignInAsync(fixture.A.Address, "clinician2.north");
        var otherAsha = await LiveClient.SignInAsync(fixture.B.Address, "asha2.north");
        var south = await LiveClient.SignInAsync(fixture.A.Address, "chw.south");
        LiveClient[] audience = [owner, assignee, chw, admin, watcher];
        LiveClient[] others = [sameClinicianNotWatching, otherAsha, south];
        try
        {
            // Five messages, all through instance A, from both sides of the conversation.
            var posted = new List<JsonObject>();
            for (var i = 1; i <= 5; i++)
            {
                posted.Add(await (i % 2 == 1 ? asha : clinician).SayAsync(id, $"message {i}: is she drinking?"));
            }

            Assert.Equal([1, 2, 3, 4, 5], posted.Select(m => m["number"]!.GetValue<int>()));
            foreach (var client in audience)
            {
                await client.WaitForMessageAsync(id, 5, Timeout);
                Assert.Equal([1, 2, 3, 4, 5], client.MessageNumbersOf(id));
            }

            var live = owner.CaseMessages.Single(m => m.GetProperty("number").GetInt32() == 2);
            Assert.Equal("message 2: is she drinking?", live.GetProperty("text").GetString());
            Assert.Equal("clinician.north", live.GetProperty("authorId").GetString());
            Assert.Equal("Clinician (north)", live.GetProperty("authorName").GetString());
            Assert.Equal("clinician", live.GetProperty("authorRole").GetString());
            Assert.Equal("north", live.GetProperty("region").GetString());
            Assert.Equal(posted[1]["id"]!.GetValue<string>(), live.GetProperty("id").GetString());
            Assert.False(string.IsNullOrEmpty(live.GetProperty("cursor").GetString()));

            // A later status change of the queue reaches the non-watching clinician's connection after anything sent
            // before it: had a message been sent there, it would be here by now. The same for the others.
            var barrier = ApiClient.Id(await asha.CreateAsync(Patients.New()));
            await asha.DoAsync(barrier, "forward");
            await sameClinicianNotWatching.WaitForAsync(barrier, 2);
            using var southAsha = await ApiClient.SignInAsync(fixture.A.Address, "asha.south");
            await south.WaitForAsync(ApiClient.Id(await southAsha.CreateAsync(Patients.New())), 1);
            using var otherOwner = await ApiClient.SignInAsync(fixture.B.Address, "asha2.north");
            await otherAsha.WaitForAsync(ApiClient.Id(await otherOwner.CreateAsync(Patients.New())), 1);
            foreach (var client in others)
            {
                Assert.Empty(client.CaseMessages);
            }

            // Status updates and messages keep their own channels: connected after the forward, the owner got messages
            // only, no caseStatusUpdate for them.
            Assert.Empty(owner.VersionsOf(id));
        }
        finally
        {
            foreach (var client in audience.Concat(others))
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_client_away_for_ten_messages_catches_up_through_the_feed_with_the_status_change_between_them()
    {
        using var owner = await ApiClient.SignInAsync(fixture.B.Address, "asha.north");
        using var clinician = await ApiClient.SignInAsync(fixture.B.Address, "clinician.north");
        var id = ApiClient.Id(await owner.CreateAsync(Patients.New()));
        await owner.DoAsync(id, "forward", new { assignTo = "clinician.north" });
        await clinician.DoAsync(id, "claim");

        // The owner's portal was last here; it goes away, and the clinician writes ten messages meanwhile, asking for
        // information after the fifth.
        var cursor = (await ApiClient.ExpectAsync(await owner.GetAsync("/api/feed"), HttpStatusCode.OK))["nextCursor"]!.GetValue<string>();
        for (var i = 1; i <= 10; i++)
        {
            await clinician.SayAsync(id, $"note {i}");
            if (i == 5)
            {
                await clinician.DoAsync(id, "request-info", new { note = "Her temperature, please." });
            }
        }

        // Back, on the other instance: everything in order, each item saying what it is.
        using var back = await ApiClient.SignInAsync(fixture.A.Address, "asha.north");
        var feed = await ApiClient.ExpectAsync(await back.GetAsync($"/api/feed?after={Uri.EscapeDataString(cursor)}"), HttpStatusCode.OK);
        var items = feed["items"]!.AsArray().Select(i => i!.AsObject()).Where(i => i["caseId"]!.GetValue<string>() == id).ToList();
        Assert.Equal(
            [.. Enumerable.Repeat("message", 5), "status", .. Enumerable.Repeat("message", 5)],
            items.Select(i => i["kind"]!.GetValue<string>()));
        var messages = items.Where(i => i["kind"]!.GetValue<string>() == "message").ToList();
        Assert.Equal(Enumerable.Range(1, 10), messages.Select(m => m["number"]!.GetValue<int>()));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"note {i}"), messages.Select(m => m["text"]!.GetValue<string>()));
        Assert.Equal("request-info", items[5]["action"]!.GetValue<string>());
        Assert.Equal(4, items[5]["version"]!.GetValue<int>());

        // The thread and the case agree with the feed.
        var thread = await back.ThreadAsync(id);
        Assert.Equal(10, thread["messageCount"]!.GetValue<int>());
        Assert.Null(thread["nextCursor"]);
        Assert.Equal(10, (await ApiClient.ExpectAsync(await back.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK))["messageCount"]!.GetValue<int>());
        var second = await ApiClient.ExpectAsync(await back.GetAsync($"/api/cases/{id}/messages?after=4&limit=3"), HttpStatusCode.OK);
        Assert.Equal([5, 6, 7], second["items"]!.AsArray().Select(m => m!["number"]!.GetValue<int>()));
        Assert.Equal("7", second["nextCursor"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_replayed_clientMessageId_stores_the_message_once_and_answers_the_same_on_either_instance()
    {
        using var onA = await ApiClient.SignInAsync(fixture.A.Address, "chw.north");
        using var onB = await ApiClient.SignInAsync(fixture.B.Address, "chw.north");
        using var asha = await ApiClient.SignInAsync(fixture.A.Address, "asha.north");
        var id = ApiClient.Id(await asha.CreateAsync(Patients.New()));
        var head = await FeedHeadAsync(asha);

        // The same message sent five times at once, through both instances, as a phone retrying on a bad network.
        var key = Guid.NewGuid().ToString("N");
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => (i % 2 == 0 ? onA : onB).PostMessageAsync(id, "Bring her to the clinic.", key)));
        var bodies = new List<JsonObject>();
        foreach (var answer in answers)
        {
            bodies.Add(await ApiClient.ExpectAsync(answer, HttpStatusCode.Created));
        }

        Assert.Single(bodies.Select(b => b.ToJsonString()).Distinct());
        Assert.Equal(1, bodies[0]["number"]!.GetValue<int>());
        Assert.Equal(key, bodies[0]["clientMessageId"]!.GetValue<string>());

        // Another author's message with the same clientMessageId is theirs, not a replay.
        var other = await asha.SayAsync(id, "I will.", key);
        Assert.Equal(2, other["number"]!.GetValue<int>());

        var thread = await onB.ThreadAsync(id);
        Assert.Equal(2, thread["messageCount"]!.GetValue<int>());
        Assert.Equal(["Bring her to the clinic.", "I will."], thread["items"]!.AsArray().Select(m => m!["text"]!.GetValue<string>()));
        var feed = await ApiClient.ExpectAsync(await asha.GetAsync($"/api/feed?after={Uri.EscapeDataString(head)}"), HttpStatusCode.OK);
        Assert.Equal([1, 2], feed["items"]!.AsArray().Where(i => i!["caseId"]!.GetValue<string>() == id).Select(i => i!["number"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Nobody_who_may_not_read_the_case_can_post_read_or_mark_it_and_bad_input_stores_nothing()
    {
        using var owner = await ApiClient.SignInAsync(fixture.A.Address, "asha.north");
        var id = ApiClient.Id(await owner.CreateAsync(Patients.New()));
        await owner.SayAsync(id, "first");
        var head = await FeedHeadAsync(owner);

        // Another region's CHW and clinician, and an asha who does not own it: 404, as for a case that does not exist.
        foreach (var user in new[] { "chw.south", "clinician.south", "asha2.north" })
        {
            using var stranger = await ApiClient.SignInAsync(fixture.B.Address, user);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostMessageAsync(id, "hello", Guid.NewGuid().ToString("N"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/cases/{id}/messages")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostJsonAsync($"/api/cases/{id}/messages/read", new { upTo = 1 })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostMessageAsync("c-nosuchcase", "hello", "k1")).StatusCode);
        }

        // Bad input: a clear error on the field.
        var bad = new (object Body, string Field)[]
        {
            (new { text = "", clientMessageId = "k2" }, "text"),
            (new { text = "   ", clientMessageId = "k3" }, "text"),
            (new { text = new string('x', 2_001), clientMessageId = "k4" }, "text"),
            (new { text = "hello" }, "clientMessageId"),
            (new { text = "hello", clientMessageId = "has spaces" }, "clientMessageId"),
        };
        foreach (var (body, field) in bad)
        {
            var problem = await ApiClient.ExpectAsync(await owner.PostJsonAsync($"/api/cases/{id}/messages", body), HttpStatusCode.BadRequest);
            Assert.True(problem["errors"]![field] is not null, $"{JsonSerializer.Serialize(body)[..Math.Min(80, JsonSerializer.Serialize(body).Length)]} answered {problem}");
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostJsonAsync($"/api/cases/{id}/messages/read", new { upTo = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostJsonAsync($"/api/cases/{id}/messages/read", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.GetAsync($"/api/cases/{id}/messages?after=-1")).StatusCode);

        // A text of exactly 2,000 characters is fine. Nothing else was stored: one more message, nothing in the feed
        // but it, no reader recorded.
        var longest = await owner.SayAsync(id, new string('y', 2_000));
        Assert.Equal(2, longest["number"]!.GetValue<int>());
        var thread = await owner.ThreadAsync(id);
        Assert.Equal(2, thread["messageCount"]!.GetValue<int>());
        Assert.Empty(thread["readers"]!.AsArray());
        var feed = await ApiClient.ExpectAsync(await owner.GetAsync($"/api/feed?after={Uri.EscapeDataString(head)}"), HttpStatusCode.OK);
        Assert.Equal([2], feed["items"]!.AsArray().Select(i => i!["number"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Read_receipts_reach_the_cases_watchers_never_move_back_and_show_in_the_thread()
    {
        using var owner = await ApiClient.SignInAsync(fixture.A.Address, "asha.north");
        using var clinician = await ApiClient.SignInAsync(fixture.B.Address, "clinician.north");
        var id = ApiClient.Id(await owner.CreateAsync(Patients.New()));
        await owner.SayAsync(id, "one");
        await owner.SayAsync(id, "two");
        await using var watching = await LiveClient.SignInAsync(fixture.A.Address, "asha.north");
        await watching.Connection.InvokeAsync<JsonElement>("WatchCase", id);

        // Unread in the clinician's lists until they say they read it; a message moves its case to the top of its lists.
        Assert.Equal((2, 2), await UnreadAsync(clinician, id));
        var before = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.NoContent, (await clinician.PostJsonAsync($"/api/cases/{id}/messages/read", new { upTo = 2 })).StatusCode);
        Assert.Equal((2, 0), await UnreadAsync(clinician, id));
        await watching.WaitForReadAsync(id, "clinician.north", 2, Timeout);

        // Saying less is no change: nothing sent, nothing stored.
        Assert.Equal(HttpStatusCode.NoContent, (await clinician.PostJsonAsync($"/api/cases/{id}/messages/read", new { upTo = 1 })).StatusCode);
        var reader = Assert.Single((await owner.ThreadAsync(id))["readers"]!.AsArray())!;
        Assert.Equal("clinician.north", reader["userId"]!.GetValue<string>());
        Assert.Equal("Clinician (north)", reader["name"]!.GetValue<string>());
        Assert.Equal(2, reader["upTo"]!.GetValue<int>());
        Assert.True(reader["at"]!.GetValue<DateTimeOffset>() >= before.AddSeconds(-1));

        // A third message and a receipt for it: the watcher hears that one too, and only once for each mark.
        await owner.SayAsync(id, "three");
        Assert.Equal((3, 1), await UnreadAsync(clinician, id));
        Assert.Equal(HttpStatusCode.NoContent, (await clinician.PostJsonAsync($"/api/cases/{id}/messages/read", new { upTo = 3 })).StatusCode);
        Assert.Equal((3, 0), await UnreadAsync(clinician, id));
        await watching.WaitForReadAsync(id, "clinician.north", 3, Timeout);
        Assert.Equal([2, 3], watching.ReadReceipts.Where(r => r.GetProperty("caseId").GetString() == id).Select(r => r.GetProperty("upTo").GetInt32()));
    }

    [Fact]
    public async Task Posting_past_the_per_user_message_limit_answers_429_and_stores_nothing_more()
    {
        // clinician2.north posts in no other test of this class, so its bucket on B is full.
        using var poster = await ApiClient.SignInAsync(fixture.B.Address, "clinician2.north");
        using var owner = await ApiClient.SignInAsync(fixture.B.Address, "asha.north");
        var id = ApiClient.Id(await owner.CreateAsync(Patients.New()));
        var stored = 0;
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 40 && refused is null; i++)
        {
            var answer = await poster.PostMessageAsync(id, $"flood {i}", Guid.NewGuid().ToString("N"));
            if (answer.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = answer;
            }
            else
            {
                await ApiClient.ExpectAsync(answer, HttpStatusCode.Created);
                stored++;
            }
        }

        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter is not null, "a 429 says when to retry");
        Assert.InRange(stored, 20, 30);
        Assert.Equal(stored, (await owner.ThreadAsync(id))["messageCount"]!.GetValue<int>());
    }

    /// <summary>The case's message count and the caller's unread count, as the region list's first page shows them.</summary>
    private static async Task<(int Messages, int Unread)> UnreadAsync(ApiClient reader, string caseId)
    {
        var list = await ApiClient.ExpectAsync(await reader.GetAsync("/api/cases?view=region&limit=5"), HttpStatusCode.OK);
        var item = list["items"]!.AsArray().First(i => i!["id"]!.GetValue<string>() == caseId)!;
        return (item["messageCount"]!.GetValue<int>(), item["unreadMessages"]!.GetValue<int>());
    }

    private static async Task<string> FeedHeadAsync(ApiClient client) =>
        (await ApiClient.ExpectAsync(await client.GetAsync("/api/feed"), HttpStatusCode.OK))["nextCursor"]!.GetValue<string>();

}
