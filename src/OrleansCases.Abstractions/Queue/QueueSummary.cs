namespace OrleansCases.Abstractions.Queue;

/// <summary>
/// A region's review queue at <see cref="At"/>, as of the region's event <see cref="Seq"/>: one
/// <see cref="PriorityQueueSummary"/> per priority, most urgent first. Claim times count the claims since
/// <see cref="WindowStart"/> (a day before <see cref="At"/>); escalations those since <see cref="DayStart"/>, the start
/// of the day in the configured time zone.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.QueueSummary")]
public sealed record QueueSummary(
    [property: Id(0)] string Region,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] long Seq,
    [property: Id(3)] DateTimeOffset WindowStart,
    [property: Id(4)] DateTimeOffset DayStart,
    [property: Id(5)] IReadOnlyList<PriorityQueueSummary> Priorities);
