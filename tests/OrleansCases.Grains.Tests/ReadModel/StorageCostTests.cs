using OrleansCases.Abstractions;
using OrleansCases.Grains.Tests.Support;
using Xunit;

namespace OrleansCases.Grains.Tests.ReadModel;

/// <summary>
/// The storage cost of a transition on the real configuration (Azure Table grain storage): the region batch is a
/// change's only write; a create also records the case's home region once. Its own fixture: the counts are per
/// cluster, so no other test's traffic can reach them.
/// </summary>
[Trait("Category", "Grains")]
public sealed class StorageCostTests(AzureClusterFixture fixture) : IClassFixture<AzureClusterFixture>
{
    private readonly Region _r = new();
    private readonly CaseDriver _cases = new(fixture.Client);

    [Fact]
    public async Task A_transition_costs_one_table_write_its_region_batch()
    {
        await using var events = await EventCollector.SubscribeAsync(fixture.Client, _r.Name);
        var id = await WarmUpAsync(events);
        var before = fixture.TableWrites;

        await _cases.DoAsync(id, _r.Chw, CaseAction.Assign, assignTo: _r.Clinician);
        await _cases.DoAsync(id, _r.Clinician, CaseAction.Claim);
        await _cases.DoAsync(id, _r.Clinician, CaseAction.RequestInfo, note: "BP?");
        await _cases.DoAsync(id, _r.Chw, CaseAction.Resubmit, note: "120/80");
        await _cases.DoAsync(id, _r.Clinician, CaseAction.Complete);

        Assert.Equal(5, fixture.TableWrites - before);
    }

    [Fact]
    public async Task A_create_costs_two_table_writes_its_home_and_its_region_batch()
    {
        await using var events = await EventCollector.SubscribeAsync(fixture.Client, _r.Name);
        await WarmUpAsync(events);
        var before = fixture.TableWrites;

        await _cases.CreatedAsync(_r.Chw);

        Assert.Equal(2, fixture.TableWrites - before);
    }

    /// <summary>
    /// Pays the one-time costs first: tables created, grains active, and the region stream's subscription state
    /// written (the stream agent records it before it delivers, so a delivered event means it is done).
    /// </summary>
    private async Task<string> WarmUpAsync(EventCollector events)
    {
        var id = await _cases.CreatedAsync(_r.Chw);
        await _cases.DoAsync(id, _r.Chw, CaseAction.Forward);
        await events.TakeAsync(2);
        return id;
    }
}
