namespace OrleansCases.Abstractions.Queue;

/// <summary>
/// The review queue of one priority: how many cases wait unclaimed and since when the oldest waits; how long the claims
/// of the last day waited (median and 90th percentile, null without claims); how often the system escalated today.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.PriorityQueueSummary")]
public sealed record PriorityQueueSummary(
    [property: Id(0)] CasePriority Priority,
    [property: Id(1)] int Waiting,
    [property: Id(2)] DateTimeOffset? OldestWaitingSince,
    [property: Id(3)] int Claims,
    [property: Id(4)] TimeSpan? ClaimTimeP50,
    [property: Id(5)] TimeSpan? ClaimTimeP90,
    [property: Id(6)] int EscalationsToday);
