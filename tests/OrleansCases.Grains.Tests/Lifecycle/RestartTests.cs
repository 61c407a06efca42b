using OrleansCases.Abstractions;
using OrleansCases.Grains.Tests.Support;
using Xunit;

namespace OrleansCases.Grains.Tests.Lifecycle;

[Trait("Category", "Grains")]
public sealed class RestartTests(AzureClusterFixture fixture) : IClassFixture<AzureClusterFixture>
{
    private readonly Region _r = new();

    [Fact]
    public async Task A_case_its_history_lists_and_feed_survive_a_full_cluster_restart()
    {
        var before = new CaseDriver(fixture.Client);
        var id = await before.CreatedAsync(_r.Asha);
        await before.DoAsync(id, _r.Asha, CaseAction.Forward, assignTo: _r.Clinician);
        var claimed = await before.DoAsync(id, _r.Clinician, CaseAction.Claim);
        var replayId = CaseDriver.NewCommandId();
        var referred = await before.ActAsync(id, _r.Clinician, CaseAction.Refer, facility: "PHC", commandId: replayId);

        await fixture.RestartAsync();
        var after = new CaseDriver(fixture.Client);
        var view = await after.Grain(id).GetAsync(_r.Asha);
        var replay = await after.ActAsync(id, _r.Clinician, CaseAction.Refer, facility: "PHC", commandId: replayId);
        var next = await after.DoAsync(id, _r.Asha, CaseAction.Complete, note: "Seen at PHC");
        var assigned = await new Lists(fixture.Client).AllAsync(new(_r.Name, CaseListView.Assignee, _r.Clinician.Id));
        var feed = await new Lists(fixture.Client).FeedAsync(_r.Name, 0);

        Assert.Equal(referred.View!.Case, view!.Case);
        Assert.Equal(referred.View.History, view.History);
        Assert.Equal(claimed.History, view.History.Take(3));
        Assert.True(replay.Replayed);
        Assert.Equal(referred.View.Case, replay.View!.Case);
        Assert.Equal(5, next.Case.Version);
        Assert.Equal(CaseStatus.Completed, Assert.Single(assigned).Status);
        Assert.Equal([1L, 2, 3, 4, 5], feed.Select(e => e.Seq));
    }
}
