namespace OrleansCases.Abstractions.Reads;

/// <summary>A clinician's first read of a case ("seen by Dr X, 10:42"): recorded once per clinician, never moved.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseSeen")]
public sealed record CaseSeen(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset At);
