namespace OrleansCases.Abstractions.Queue;

/// <summary>
/// One per region (keyed by its name): the region's review queue at a glance (docs/design.md section 10). It keeps what
/// it read of the region's feed between asks, so that each ask reads only the part of the feed that came after.
/// </summary>
[Alias("OrleansCases.IQueueSummaryGrain")]
public interface IQueueSummaryGrain : IGrainWithStringKey
{
    [Alias("GetAsync")]
    Task<QueueSummary> GetAsync();
}
