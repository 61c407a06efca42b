namespace OrleansCases.Abstractions.Reads;

/// <summary>One read of a case's detail, as its read audit keeps it: who (with their role then), when, and how.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseRead")]
public sealed record CaseRead(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] UserRole Role,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] ReadChannel Via);
