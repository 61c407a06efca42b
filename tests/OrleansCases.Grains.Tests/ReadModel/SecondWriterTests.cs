using Azure;
using Azure.Data.Tables;
using OrleansCases.Abstractions;
using OrleansCases.Grains.ReadModel;
using OrleansCases.Grains.Tests.Support;
using Xunit;

namespace OrleansCases.Grains.Tests.ReadModel;

[Trait("Category", "Grains")]
public sealed class SecondWriterTests(MemoryClusterFixture fixture) : IClassFixture<MemoryClusterFixture>
{
    private readonly Region _r = new();
    private readonly CaseDriver _cases = new(fixture.Client);

    [Fact]
    public async Task A_region_log_that_loses_its_head_to_another_writer_fails_whole_then_recovers_gaplessly()
    {
        await using var events = await EventCollector.SubscribeAsync(fixture.Client, _r.Name);
        var id = await _cases.CreatedAsync(_r.Asha);

        // Another writer (a second activation, say) rewrites the head: the log's ETag is now stale.
        await fixture.ReadModelTable.UpdateEntityAsync(new TableEntity(_r.Name, RowKeys.Head) { ["Seq"] = 1L }, ETag.All, TableUpdateMode.Replace);

        var commandId = CaseDriver.NewCommandId();
        await Assert.ThrowsAsync<CaseUnavailableException>(() =>
            _cases.ActAsync(id, _r.Asha, CaseAction.Forward, commandId: commandId));
        var retried = await _cases.ActAsync(id, _r.Asha, CaseAction.Forward, commandId: commandId);

        Assert.Equal(CaseCommandOutcome.Ok, retried.Outcome);
        Assert.Equal(2, retried.View!.Case.Version);
        var feed = await new Lists(fixture.Client).FeedAsync(_r.Name, 0);
        Assert.Equal([(1L, 1), (2L, 2)], feed.Select(e => (e.Seq, e.Version)));
        var received = await events.TakeAsync(2);
        Assert.Equal([1L, 2L], received.Select(e => e.Seq));
    }
}
