using OrleansCases.Abstractions;
using OrleansCases.Grains.Tests.Support;
using Xunit;

namespace OrleansCases.Grains.Tests.ReadModel;

[Trait("Category", "Grains")]
public sealed class ListTests(MemoryClusterFixture fixture) : IClassFixture<MemoryClusterFixture>
{
    private readonly Region _r = new();
    private readonly CaseDriver _cases = new(fixture.Client);
    private readonly Lists _lists = new(fixture.Client);

    [Fact]
    public async Task A_transition_is_in_every_list_it_belongs_to_as_soon_as_its_command_answers()
    {
        var older = await _cases.CreatedAsync(_r.Asha);
        var id = await _cases.CreatedAsync(_r.Asha, CasePriority.Emergency);

        await _cases.DoAsync(id, _r.Asha, CaseAction.Forward, assignTo: _r.Clinician);
        var queue = await _lists.AllAsync(new(_r.Name, CaseListView.Queue));
        var assigned = await _lists.AllAsync(new(_r.Name, CaseListView.Assignee, _r.Clinician.Id));
        var region = await _lists.AllAsync(new(_r.Name, CaseListView.Region));

        Assert.Equal([id], queue.Select(c => c.Id));
        Assert.Equal(CaseStatus.ForwardedToClinician, queue[0].Status);
        Assert.Equal([id], assigned.Select(c => c.Id));
        Assert.Equal([id, older], region.Select(c => c.Id));
        Assert.Equal(2, region[0].Version);

        await _cases.DoAsync(id, _r.Clinician, CaseAction.Claim);
        Assert.Empty(await _lists.AllAsync(new(_r.Name, CaseListView.Queue)));
        var claimed = await _lists.AllAsync(new(_r.Name, CaseListView.Assignee, _r.Clinician.Id));
        Assert.Equal(CaseStatus.UnderReview, Assert.Single(claimed).Status);
    }

    [Fact]
    public async Task Lists_are_newest_change_first_and_hold_each_case_once()
    {
        var a = await _cases.CreatedAsync(_r.Asha);
        var b = await _cases.CreatedAsync(_r.Asha);
        var c = await _cases.CreatedAsync(_r.Asha);
        await _cases.DoAsync(a, _r.Asha, CaseAction.Forward);

        var mine = await _lists.AllAsync(new(_r.Name, CaseListView.Owner, _r.Asha.Id));

        Assert.Equal([a, c, b], mine.Select(x => x.Id));
    }

    [Fact]
    public async Task Lists_filter_by_status_and_priority_and_owner()
    {
        var urgentOpen = await _cases.CreatedAsync(_r.Asha, CasePriority.Urgent);
        var routineOpen = await _cases.CreatedAsync(_r.Asha2);
        var urgentForwarded = await _cases.CreatedAsync(_r.Chw, CasePriority.Urgent);
        await _cases.DoAsync(urgentForwarded, _r.Chw, CaseAction.Forward);

        var urgent = await _lists.AllAsync(new(_r.Name, CaseListView.Region, Priority: CasePriority.Urgent));
        var open = await _lists.AllAsync(new(_r.Name, CaseListView.Region, Status: CaseStatus.Open));
        var urgentOpenOnly = await _lists.AllAsync(new(_r.Name, CaseListView.Region, Status: CaseStatus.Open, Priority: CasePriority.Urgent));
        var asha2 = await _lists.AllAsync(new(_r.Name, CaseListView.Owner, _r.Asha2.Id));

        Assert.Equal([urgentForwarded, urgentOpen], urgent.Select(x => x.Id));
        Assert.Equal([routineOpen, urgentOpen], open.Select(x => x.Id));
        Assert.Equal([urgentOpen], urgentOpenOnly.Select(x => x.Id));
        Assert.Equal([routineOpen], asha2.Select(x => x.Id));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats_and_carry_the_feed_head()
    {
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await _cases.CreatedAsync(_r.Chw));
        }

        var first = await _lists.PageAsync(new(_r.Name, CaseListView.Region, Limit: 3));
        var second = await _lists.PageAsync(new(_r.Name, CaseListView.Region, Limit: 3, After: first.Next));
        var third = await _lists.PageAsync(new(_r.Name, CaseListView.Region, Limit: 3, After: second.Next));

        ids.Reverse();
        Assert.Equal(ids, first.Items.Concat(second.Items).Concat(third.Items).Select(c => c.Id));
        Assert.NotNull(second.Next);
        Assert.Null(third.Next);
        Assert.Equal(7, first.FeedHead);
    }

    [Fact]
    public async Task A_cursor_of_another_list_is_refused()
    {
        await _cases.CreatedAsync(_r.Asha);
        await _cases.CreatedAsync(_r.Asha);
        var page = await _lists.PageAsync(new(_r.Name, CaseListView.Region, Limit: 1));

        await Assert.ThrowsAsync<ArgumentException>(() =>
            _lists.PageAsync(new(_r.Name, CaseListView.Owner, _r.Asha.Id, After: page.Next)));
    }

    [Fact]
    public async Task The_feed_answers_the_events_after_any_seq_gapless_and_in_order()
    {
        for (var i = 0; i < 4; i++)
        {
            var id = await _cases.CreatedAsync(_r.Asha);
            await _cases.DoAsync(id, _r.Asha, CaseAction.Forward);
            await _cases.DoAsync(id, _r.Clinician, CaseAction.Claim);
        }

        var all = await _lists.FeedAsync(_r.Name, 0);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), all.Select(e => e.Seq));
        for (var after = 0; after <= 12; after++)
        {
            var rest = await _lists.FeedAsync(_r.Name, after, pageSize: 5);
            Assert.Equal(Enumerable.Range(after + 1, 12 - after).Select(i => (long)i), rest.Select(e => e.Seq));
        }

        Assert.Equal(all[5], (await _lists.FeedAsync(_r.Name, 5))[0]);
    }
}
