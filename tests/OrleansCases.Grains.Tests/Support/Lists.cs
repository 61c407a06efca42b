using OrleansCases.Abstractions;

namespace OrleansCases.Grains.Tests.Support;

/// <summary>Reads whole stored lists and feeds through the query grain, page by page.</summary>
public sealed class Lists(IGrainFactory grains)
{
    private ICaseQueryGrain Query => grains.GetGrain<ICaseQueryGrain>(0);

    public async Task<IReadOnlyList<CaseRecord>> AllAsync(CaseListQuery query)
    {
        var items = new List<CaseRecord>();
        for (string? after = null; ;)
        {
            var page = await Query.ListAsync(query with { After = after });
            items.AddRange(page.Items);
            if (page.Next is null)
            {
                return items;
            }

            after = page.Next;
        }
    }

    public Task<CaseListPage> PageAsync(CaseListQuery query) => Query.ListAsync(query);

    public async Task<IReadOnlyList<CaseEvent>> FeedAsync(string region, long after, int pageSize = CaseQueryGrain.MaxFeedPage)
    {
        var events = new List<CaseEvent>();
        while (true)
        {
            var page = await Query.ReadFeedAsync(region, after, pageSize);
            events.AddRange(page.Items);
            if (page.Items.Count < pageSize)
            {
                return events;
            }

            after = page.Items[^1].Seq;
        }
    }
}
