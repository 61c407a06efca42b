using Azure.Data.Tables;
using OrleansCases.Abstractions;
using OrleansCases.Grains.ReadModel;
using OrleansCases.Grains.Tests.Support;
using Xunit;

namespace OrleansCases.Grains.Tests.ReadModel;

/// <summary>
/// Feed retention with small numbers (keep <see cref="RetentionClusterFixture.MinEvents"/> events and
/// <see cref="RetentionClusterFixture.MinAge"/>) and a manual clock: events are aged by advancing it, never by waiting.
/// What is pruned is checked in the table itself, not only through the query grain.
/// </summary>
[Trait("Category", "Grains")]
public sealed class FeedRetentionTests(RetentionClusterFixture fixture) : IClassFixture<RetentionClusterFixture>
{
    private const int MinEvents = RetentionClusterFixture.MinEvents;
    private static readonly TimeSpan _pastMinAge = RetentionClusterFixture.MinAge + TimeSpan.FromSeconds(1);
    private readonly Region _r = new();

    private CaseDriver Cases => new(fixture.Client);

    private ICaseQueryGrain Query => fixture.Client.GetGrain<ICaseQueryGrain>(0);

    [Fact]
    public async Task Events_younger_than_the_minimum_age_are_never_pruned_however_many_there_are()
    {
        await CreateCasesAsync(4 * MinEvents);
        fixture.Clock.Advance(RetentionClusterFixture.MinAge);
        await CreateCasesAsync(MinEvents);

        var page = await Query.ReadFeedAsync(_r.Name, 0, 100);

        Assert.Equal(0, page.Floor);
        Assert.Equal(Seqs(1, 5 * MinEvents), page.Items.Select(e => e.Seq));
        Assert.Equal(Seqs(1, 5 * MinEvents), await StoredFeedAsync());
    }

    [Fact]
    public async Task Events_more_than_MinEvents_behind_the_head_and_older_than_MinAge_are_pruned_as_changes_arrive()
    {
        await CreateCasesAsync(10);
        fixture.Clock.Advance(_pastMinAge);

        var floors = new List<long>();
        for (var head = 11; head <= 18; head++)
        {
            await CreateCasesAsync(1);
            var floor = (await Query.ReadFeedAsync(_r.Name, 0, 1)).Floor;
            floors.Add(floor);

            // Never more than allowed: only the aged events (1..10), and only those more than MinEvents behind.
            Assert.InRange(floor, 0, Math.Min(10, head - MinEvents - 1));
            Assert.Equal(Seqs(floor + 1, head), await StoredFeedAsync());
        }

        Assert.True(floors[0] > 0, "The first change after the events aged pruned nothing.");
        Assert.Equal(floors.Order(), floors);
        Assert.Equal(10, floors[^1]);

        // Once everything has aged, the count alone holds: the head and the MinEvents before it stay.
        fixture.Clock.Advance(_pastMinAge);
        await CreateCasesAsync(4);
        var page = await Query.ReadFeedAsync(_r.Name, 22 - MinEvents - 1, 100);

        Assert.Equal(22 - MinEvents - 1, page.Floor);
        Assert.Equal(Seqs(22 - MinEvents, 22), page.Items.Select(e => e.Seq));
        Assert.Equal(Seqs(22 - MinEvents, 22), await StoredFeedAsync());
    }

    [Fact]
    public async Task The_retention_floor_survives_a_full_cluster_restart_and_pruning_goes_on_from_it()
    {
        await CreateCasesAsync(10);
        fixture.Clock.Advance(_pastMinAge);
        await CreateCasesAsync(2);
        var before = await Query.ReadFeedAsync(_r.Name, 0, 1);
        Assert.Equal(4, before.Floor);

        await fixture.RestartAsync();
        var after = await Query.ReadFeedAsync(_r.Name, 0, 1);
        var kept = await Query.ReadFeedAsync(_r.Name, after.Floor, 100);

        Assert.Equal((12L, 4L), (after.Head, after.Floor));
        Assert.Empty(after.Items);
        Assert.Equal(Seqs(5, 12), kept.Items.Select(e => e.Seq));

        // The new activation knows the aged events only by the head's recent time: it reads theirs, then prunes on
        // from the stored floor (a row deleted twice would fail its batch, and the creates with it).
        await CreateCasesAsync(4);
        Assert.Equal(10, (await Query.ReadFeedAsync(_r.Name, 0, 1)).Floor);
        Assert.Equal(Seqs(11, 16), await StoredFeedAsync());
    }

    [Fact]
    public async Task A_feed_read_after_a_pruned_seq_reports_a_floor_above_it_and_no_items()
    {
        await CreateCasesAsync(10);
        fixture.Clock.Advance(_pastMinAge);
        await CreateCasesAsync(4);

        var fromStart = await Query.ReadFeedAsync(_r.Name, 0, 100);
        var justBelow = await Query.ReadFeedAsync(_r.Name, 7, 100);
        var atFloor = await Query.ReadFeedAsync(_r.Name, 8, 100);

        Assert.Equal((14L, 8L), (fromStart.Head, fromStart.Floor));
        Assert.Empty(fromStart.Items);
        Assert.True(justBelow.Floor > 7);
        Assert.Empty(justBelow.Items);
        Assert.Equal(8, atFloor.Floor);
        Assert.Equal(Seqs(9, 14), atFloor.Items.Select(e => e.Seq));
    }

    [Fact]
    public async Task A_feed_read_that_finds_the_rows_after_its_cursor_gone_reports_the_floor_it_found()
    {
        await CreateCasesAsync(3);

        // As if the log pruned 1 and 2 between the query's head read (floor 0) and its range read.
        var table = fixture.ReadModelTable;
        await table.DeleteEntityAsync(_r.Name, RowKeys.Feed(1));
        await table.DeleteEntityAsync(_r.Name, RowKeys.Feed(2));
        var page = await Query.ReadFeedAsync(_r.Name, 0, 100);

        Assert.Equal(2, page.Floor);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Pruning_rides_on_the_region_batch_so_a_create_still_costs_its_two_table_writes()
    {
        await using var events = await EventCollector.SubscribeAsync(fixture.Client, _r.Name);
        await CreateCasesAsync(10);
        await events.TakeAsync(10);
        fixture.Clock.Advance(_pastMinAge);
        var before = fixture.TableWrites;

        await CreateCasesAsync(1);

        Assert.Equal(2, fixture.TableWrites - before);
        Assert.Equal(2, (await Query.ReadFeedAsync(_r.Name, 0, 1)).Floor);
        Assert.Equal(Seqs(3, 11), await StoredFeedAsync());
    }

    private async Task CreateCasesAsync(int count)
    {
        var cases = Cases;
        for (var i = 0; i < count; i++)
        {
            await cases.CreatedAsync(_r.Asha);
        }
    }

    private static IEnumerable<long> Seqs(long first, long last) =>
        first > last ? [] : Enumerable.Range(0, (int)(last - first + 1)).Select(i => first + i);

    /// <summary>The seqs of the region's feed rows in the table, ascending.</summary>
    private async Task<IReadOnlyList<long>> StoredFeedAsync()
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {_r.Name} and RowKey ge {RowKeys.FeedPrefix} and RowKey lt {RowKeys.UpperBound(RowKeys.FeedPrefix)}");
        var seqs = new List<long>();
        await foreach (var row in fixture.ReadModelTable.QueryAsync<TableEntity>(filter, select: ["RowKey"]))
        {
            seqs.Add(RowKeys.FeedSeq(row.RowKey));
        }

        return seqs;
    }
}
