using Orleans.Concurrency;
using OrleansCases.Abstractions;
using OrleansCases.Grains.ReadModel;

namespace OrleansCases.Grains;

/// <summary>
/// Serves the stored lists and feed. A stateless worker: reads run on any silo, many at once. Storage that fails
/// under a read is a <see cref="CaseUnavailableException"/> (<see cref="StorageFailure"/>).
/// </summary>
[StatelessWorker]
public sealed class CaseQueryGrain(CaseTable table) : Grain, ICaseQueryGrain
{
    public const int MaxFeedPage = 500;

    public Task<CaseListPage> ListAsync(CaseListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrEmpty(query.Region);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, CaseListQuery.MaxLimit);
        var prefix = RowKeys.PrefixOf(query);
        if (query.After is { } after && !after.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException("The cursor belongs to another list.", nameof(query));
        }

        return ReadListAsync(query, prefix).OrUnavailable("The list could not be read; try again.");
    }

    public Task<FeedPage> ReadFeedAsync(string region, long afterSeq, int limit)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentOutOfRangeException.ThrowIfNegative(afterSeq);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxFeedPage);
        return ReadFeedPageAsync(region, afterSeq, limit).OrUnavailable("The feed could not be read; try again.");
    }

    private async Task<CaseListPage> ReadListAsync(CaseListQuery query, string prefix)
    {
        // Read the head first: anything changed after it reaches the caller through the feed.
        var head = (await table.ReadHeadAsync(query.Region)).Seq;
        var filters = new List<string>();
        if (query.Status is { } status)
        {
            filters.Add(Azure.Data.Tables.TableClient.CreateQueryFilter($"Status eq {status.ToString()}"));
        }

        if (query.Priority is { } priority)
        {
            filters.Add(Azure.Data.Tables.TableClient.CreateQueryFilter($"Priority eq {priority.ToString()}"));
        }

        if (query is { View: CaseListView.Patient, UserId: { } owner })
        {
            filters.Add(Azure.Data.Tables.TableClient.CreateQueryFilter($"OwnerId eq {owner}"));
        }

        var items = new List<CaseRecord>(query.Limit);
        string? lastKey = null;
        var more = false;
        var filter = filters.Count == 0 ? null : string.Join(" and ", filters);
        await foreach (var row in table.RangeAsync(query.Region, prefix, query.After, filter, ["RowKey", "Case"], Math.Min(query.Limit + 1, 1000)))
        {
            if (items.Count == query.Limit)
            {
                more = true;
                break;
            }

            items.Add(CaseJson.Read<CaseRecord>(row.GetString("Case")));
            lastKey = row.RowKey;
        }

        return new CaseListPage(items, more ? lastKey : null, head);
    }

    private async Task<FeedPage> ReadFeedPageAsync(string region, long afterSeq, int limit)
    {
        var head = await table.ReadHeadAsync(region);
        if (afterSeq < head.Floor)
        {
            // Events after the cursor were pruned: the caller must start over, so reading more would be wasted.
            return new FeedPage([], head.Seq, head.Floor);
        }

        var items = new List<CaseEvent>(Math.Min(limit, 64));
        await foreach (var row in table.RangeAsync(region, RowKeys.FeedPrefix, RowKeys.Feed(afterSeq), null, ["Event"], limit))
        {
            items.Add(CaseJson.Read<CaseEvent>(row.GetString("Event")));
            if (items.Count == limit)
            {
                break;
            }
        }

        // Pruned between the two reads: the rows right after the cursor are gone, and since pruning deletes from the
        // oldest up, so is every row before the first one found.
        if (items.Count > 0 && items[0].Seq > afterSeq + 1)
        {
            return new FeedPage([], head.Seq, items[0].Seq - 1);
        }

        return new FeedPage(items, head.Seq, head.Floor);
    }
}
