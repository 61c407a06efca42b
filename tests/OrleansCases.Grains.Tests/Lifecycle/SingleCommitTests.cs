using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using OrleansCases.Grains.Tests.Support;
using Xunit;

namespace OrleansCases.Grains.Tests.Lifecycle;

/// <summary>
/// The region batch is a change's only write: the case grain keeps nothing of its own but its home region, reads the
/// case back from its region's rows, and learns of a rival writer from the region log, which refuses a version its
/// storage holds from another command.
/// </summary>
[Trait("Category", "Grains")]
public sealed class SingleCommitTests(MemoryClusterFixture fixture) : IClassFixture<MemoryClusterFixture>
{
    private readonly Region _r = new();
    private readonly CaseDriver _cases = new(fixture.Client);

    [Fact]
    public async Task A_reactivated_case_reads_its_state_history_and_commands_back_from_its_region()
    {
        var id = await _cases.CreatedAsync(_r.Asha);
        var commandId = CaseDriver.NewCommandId();
        var forwarded = await _cases.ActAsync(id, _r.Asha, CaseAction.Forward, assignTo: _r.Clinician, commandId: commandId);
        await fixture.Cluster.DeactivateAsync(_cases.Grain(id));

        var view = await _cases.Grain(id).GetAsync(_r.Asha);
        var replay = await _cases.ActAsync(id, _r.Asha, CaseAction.Forward, assignTo: _r.Clinician, commandId: commandId);
        var feed = await new Lists(fixture.Client).FeedAsync(_r.Name, 0);

        Assert.Equal(forwarded.View!.Case, view!.Case);
        Assert.Equal(forwarded.View.History, view.History);
        Assert.True(replay.Replayed);
        Assert.Equal(forwarded.View.Case, replay.View!.Case);
        Assert.Equal([1, 2], feed.Select(e => e.Version));
    }

    [Fact]
    public async Task A_rival_change_of_a_stored_version_is_refused_as_stale_and_stores_nothing()
    {
        var created = (await _cases.CreateAsync(_r.Asha)).View!;
        var forward = await _cases.DoAsync(created.Case.Id, _r.Asha, CaseAction.Forward);
        var rival = Decide(created.Case, _r.Asha, CaseAction.Cancel, reason: "Duplicate");
        var log = fixture.Client.GetGrain<IRegionLogGrain>(_r.Name);

        var answer = await log.AppendAsync(rival);
        var view = await _cases.Grain(created.Case.Id).GetAsync(_r.Asha);
        var feed = await new Lists(fixture.Client).FeedAsync(_r.Name, 0);

        Assert.True(answer.Stale);
        Assert.Equal(forward.Case, view!.Case);
        Assert.Equal([CaseAction.Create, CaseAction.Forward], feed.Select(e => e.Action));
    }

    [Fact]
    public async Task A_case_grain_whose_next_version_another_writer_stored_reloads_decides_again_and_loses_neither()
    {
        var created = (await _cases.CreateAsync(_r.Asha)).View!;
        var id = created.Case.Id;
        // Another activation of this case (during a failover, say) stores version 2 first.
        var rival = Decide(created.Case, _r.Asha, CaseAction.Forward);
        Assert.False((await fixture.Client.GetGrain<IRegionLogGrain>(_r.Name).AppendAsync(rival)).Stale);

        // This activation still holds version 1: its cancel is decided again on version 2.
        var cancelled = await _cases.DoAsync(id, _r.Asha, CaseAction.Cancel, reason: "Recovered");
        var feed = await new Lists(fixture.Client).FeedAsync(_r.Name, 0);

        Assert.Equal(3, cancelled.Case.Version);
        Assert.Equal([CaseAction.Create, CaseAction.Forward, CaseAction.Cancel], cancelled.History.Select(h => h.Action));
        Assert.Equal(CaseStatus.ForwardedToClinician, cancelled.History[2].From);
        Assert.Equal([(1L, 1), (2L, 2), (3L, 3)], feed.Select(e => (e.Seq, e.Version)));
    }

    private static CaseChange Decide(CaseRecord current, UserRef actor, CaseAction action, string? reason = null)
    {
        var commandId = CaseDriver.NewCommandId();
        var decision = CaseLifecycle.Decide(
            current, new CaseActionCommand(commandId, actor, action, Reason: reason), DateTimeOffset.UtcNow);
        Assert.Equal(CaseCommandOutcome.Ok, decision.Outcome);
        return new CaseChange(decision.Next!, decision.Entry!, PreviousAssigneeId: current.AssigneeId, CommandId: commandId);
    }
}
