namespace OrleansCases.Abstractions;

/// <summary>Reads the stored lists, history and feed of a region. Stateless: any silo answers, in parallel.</summary>
[Alias("OrleansCases.ICaseQueryGrain")]
public interface ICaseQueryGrain : IGrainWithIntegerKey
{
    [Alias("ListAsync")]
    Task<CaseListPage> ListAsync(CaseListQuery query);

    /// <summary>
    /// The region's events after <paramref name="afterSeq"/>, oldest first, at most <paramref name="limit"/>. When
    /// <paramref name="afterSeq"/> is below the page's <see cref="FeedPage.Floor"/>, events the caller has not seen
    /// were pruned: the page has no items and the caller must start over from a list.
    /// </summary>
    [Alias("ReadFeedAsync")]
    Task<FeedPage> ReadFeedAsync(string region, long afterSeq, int limit);
}
