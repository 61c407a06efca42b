namespace OrleansCases.Abstractions;

/// <summary>
/// One web instance at <see cref="At"/>: its connections by "role/region", the events its bridge sent per second
/// since its last report, and the largest bridge lag in that time.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.WebInstanceReport")]
public sealed record WebInstanceReport(
    [property: Id(0)] string Instance,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] IReadOnlyDictionary<string, int> Connections,
    [property: Id(4)] double EventsPerSecond,
    [property: Id(5)] double MaxBridgeLagMs);
