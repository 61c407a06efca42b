using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Conversation;
using OrleansCases.Grains.Tests.Support;
using Xunit;

namespace OrleansCases.Grains.Tests.Lifecycle;

/// <summary>
/// A case's conversation in its grain and region log: a message is a change that keeps the version and takes the next
/// number, stored in the region's batch with its feed row; the thread and its replays survive a reactivation; a rival
/// message of a stored number is refused and the grain posts again on what won; transitions and messages interleave.
/// </summary>
[Trait("Category", "Grains")]
public sealed class ConversationTests(MemoryClusterFixture fixture) : IClassFixture<MemoryClusterFixture>
{
    private readonly Region _r = new();
    private readonly CaseDriver _cases = new(fixture.Client);

    [Fact]
    public async Task Messages_and_transitions_share_the_feed_in_order_and_a_message_keeps_the_version()
    {
        var id = await _cases.CreatedAsync(_r.Asha);
        var first = await SayAsync(id, _r.Asha, "first");
        var forwarded = await _cases.DoAsync(id, _r.Asha, CaseAction.Forward, assignTo: _r.Clinician);
        var second = await SayAsync(id, _r.Clinician, "second");

        var feed = await new Lists(fixture.Client).FeedAsync(_r.Name, 0);
        Assert.Equal([(1, null), (1, 1), (2, null), (2, 2)], feed.Select(e => (e.Version, e.Message?.Number)));
        Assert.Equal([1L, 2, 3, 4], feed.Select(e => e.Seq));
        Assert.Equal(1, forwarded.Case.MessageCount);
        Assert.Equal((1, 2), (first.Number, second.Number));
        var view = await _cases.Grain(id).GetAsync(_r.Asha);
        Assert.Equal((2, 2), (view!.Case.Version, view.Case.MessageCount));
    }

    [Fact]
    public async Task A_reactivated_case_reads_its_thread_back_and_a_replay_still_answers_the_first_message()
    {
        var id = await _cases.CreatedAsync(_r.Asha);
        var key = CaseDriver.NewCommandId();
        var said = await _cases.Grain(id).PostMessageAsync(new PostMessageCommand(_r.Asha, "before", key));
        await fixture.Cluster.DeactivateAsync(_cases.Grain(id));

        var replay = await _cases.Grain(id).PostMessageAsync(new PostMessageCommand(_r.Asha, "before, sent again", key));
        var page = await _cases.Grain(id).ReadMessagesAsync(_r.Chw, 0, 10);

        Assert.True(replay.Replayed);
        Assert.Equal(said.Message, replay.Message);
        Assert.Equal(["before"], page!.Items.Select(m => m.Text));
        Assert.Equal(1, page.Count);
    }

    [Fact]
    public async Task A_rival_message_of_a_stored_number_is_refused_and_the_grain_posts_again_after_it()
    {
        var created = (await _cases.CreateAsync(_r.Asha)).View!;
        var id = created.Case.Id;
        var log = fixture.Client.GetGrain<IRegionLogGrain>(_r.Name);

        // Another activation of this case stores message 1 first; the same change again answers its seq.
        var rival = CaseChange.Posted(created.Case, created.History[^1], Message(id, 1, _r.Chw, "rival"));
        var stored = await log.AppendAsync(rival);
        Assert.False(stored.Stale);
        Assert.Equal(stored.Seq, (await log.AppendAsync(rival)).Seq);
        var other = CaseChange.Posted(created.Case, created.History[^1], Message(id, 1, _r.Asha, "other"));
        Assert.True((await log.AppendAsync(other)).Stale);

        // This activation still believes the thread empty: its message is refused once, then stored as number 2.
        var mine = await SayAsync(id, _r.Asha, "mine");
        var page = await _cases.Grain(id).ReadMessagesAsync(_r.Asha, 0, 10);

        Assert.Equal(2, mine.Number);
        Assert.Equal(["rival", "mine"], page!.Items.Select(m => m.Text));
        var feed = await new Lists(fixture.Client).FeedAsync(_r.Name, 0);
        Assert.Equal([null, 1, 2], feed.Select(e => e.Message?.Number));
    }

    [Fact]
    public async Task Read_receipts_never_move_back_and_give_each_reader_their_unread_count()
    {
        var id = await _cases.CreatedAsync(_r.Asha);
        await SayAsync(id, _r.Asha, "one");
        await SayAsync(id, _r.Asha, "two");
        var grain = _cases.Grain(id);

        Assert.Equal(MessageOutcome.Ok, (await grain.MarkReadAsync(_r.Chw, 2)).Outcome);
        Assert.True((await grain.MarkReadAsync(_r.Chw, 1)).Replayed);
        Assert.Equal(MessageOutcome.Invalid, (await grain.MarkReadAsync(_r.Chw, 3)).Outcome);
        Assert.Equal(MessageOutcome.NotFound, (await grain.MarkReadAsync(_r.Asha2, 1)).Outcome);
        await fixture.Cluster.DeactivateAsync(grain);

        var reader = Assert.Single((await grain.ReadMessagesAsync(_r.Asha, 0, 10))!.Readers);
        Assert.Equal((_r.Chw.Id, 2), (reader.UserId, reader.UpTo));
        var marks = await fixture.Client.GetGrain<IReadMarksGrain>(_r.Chw.Id).ReadUpToAsync([id, "c-unknown"]);
        Assert.Equal(new Dictionary<string, int> { [id] = 2 }, marks);
    }

    private async Task<CaseMessage> SayAsync(string id, UserRef author, string text)
    {
        var result = await _cases.Grain(id).PostMessageAsync(new PostMessageCommand(author, text, CaseDriver.NewCommandId()));
        Assert.Equal(MessageOutcome.Ok, result.Outcome);
        return result.Message!;
    }

    private static CaseMessage Message(string caseId, int number, UserRef author, string text) =>
        new(caseId, number, author.Id, author.Name, author.Role, text, DateTimeOffset.UtcNow, CaseDriver.NewCommandId());
}
