namespace OrleansCases.Abstractions.Queue;

/// <summary>
/// One per region (keyed by its name): the region's review queue at a glance (docs/design.md section 10), kept between
/// asks so that each ask reads only what changed since the last.
/// </summary>
[Alias("OrleansCases.IQueueSummaryGrain")]
public interface IQueueSummaryGrain : IGrainWithStringKey
{
    [Alias("GetAsync")]
    Task<QueueSummary> GetAsync();
}
