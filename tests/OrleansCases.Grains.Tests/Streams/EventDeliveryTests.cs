using OrleansCases.Abstractions;
using OrleansCases.Grains.Tests.Support;
using Xunit;

namespace OrleansCases.Grains.Tests.Streams;

/// <summary>How events leave the region log, whichever stream provider carries them.</summary>
public abstract class EventDeliveryContract(ClusterFixture fixture)
{
    private readonly Region _r = new();
    private readonly CaseDriver _cases = new(fixture.Client);

    [Fact]
    public async Task Each_transition_reaches_a_stream_subscriber_once_with_every_field()
    {
        await using var events = await EventCollector.SubscribeAsync(fixture.Client, _r.Name);
        var id = await _cases.CreatedAsync(_r.Asha, CasePriority.Urgent);
        await _cases.DoAsync(id, _r.Asha, CaseAction.Forward, assignTo: _r.Clinician2);
        await _cases.DoAsync(id, _r.Chw, CaseAction.Assign, assignTo: _r.Clinician);
        await _cases.DoAsync(id, _r.Clinician, CaseAction.Claim);
        await _cases.DoAsync(id, _r.Clinician, CaseAction.Release, note: "Handing over");
        var last = await _cases.DoAsync(id, _r.Asha, CaseAction.Cancel, reason: "Recovered");

        // A sentinel from another case: anything delivered twice would have arrived before it.
        var sentinel = await _cases.CreatedAsync(_r.Chw);
        var received = await events.TakeAsync(last.Case.Version + 1);

        Assert.Equal(sentinel, received[^1].CaseId);
        var ofCase = received.Take(received.Count - 1).ToArray();
        Assert.Equal(Enumerable.Range(1, last.Case.Version), ofCase.Select(e => e.Version));
        Assert.Equal(Enumerable.Range(1, received.Count).Select(i => (long)i), received.Select(e => e.Seq));
        for (var i = 0; i < ofCase.Length; i++)
        {
            var e = ofCase[i];
            var h = last.History[i];
            Assert.Equal(id, e.CaseId);
            Assert.Equal(_r.Name, e.Region);
            Assert.Equal(h.To, e.Status);
            Assert.Equal(h.From, e.PreviousStatus);
            Assert.Equal(h.Action, e.Action);
            Assert.Equal(h.By, e.UpdatedBy);
            Assert.Equal(h.ByName, e.UpdatedByName);
            Assert.Equal(h.At, e.Timestamp);
            Assert.Equal(h.Note, e.Note);
            Assert.Equal(h.AssigneeId, e.AssigneeId);
            Assert.Equal(i == 0 ? null : last.History[i - 1].AssigneeId, e.PreviousAssigneeId);
            Assert.Equal(_r.Asha.Id, e.OwnerId);
            Assert.Equal(CasePriority.Urgent, e.Priority);
        }
    }
}

[Trait("Category", "Grains")]
public sealed class EventDeliveryOnAzureQueueStreamsTests(AzureQueueStreamsClusterFixture fixture)
    : EventDeliveryContract(fixture), IClassFixture<AzureQueueStreamsClusterFixture>;

[Trait("Category", "Grains")]
public sealed class EventDeliveryTests(MemoryClusterFixture fixture) : EventDeliveryContract(fixture), IClassFixture<MemoryClusterFixture>
{
    private readonly Region _r = new();
    private readonly CaseDriver _cases = new(fixture.Client);

    [Fact]
    public async Task A_change_sent_again_to_the_region_log_is_neither_stored_nor_published_twice()
    {
        await using var events = await EventCollector.SubscribeAsync(fixture.Client, _r.Name);
        var commandId = CaseDriver.NewCommandId();
        var created = await _cases.CreateAsync(_r.Asha, commandId);
        var view = created.View!;
        var change = new CaseChange(view.Case, view.History[0], PreviousAssigneeId: null, CommandId: commandId);
        var log = fixture.Client.GetGrain<IRegionLogGrain>(_r.Name);

        var again = await log.AppendAsync(change);
        var sentinel = await _cases.CreatedAsync(_r.Chw);
        var received = await events.TakeAsync(2);

        Assert.Equal(new CaseAppended(1), again);
        Assert.Equal([view.Case.Id, sentinel], received.Select(e => e.CaseId));
        var feed = await fixture.Client.GetGrain<ICaseQueryGrain>(0).ReadFeedAsync(_r.Name, 0, 10);
        Assert.Equal([1L, 2L], feed.Items.Select(e => e.Seq));
    }
}
