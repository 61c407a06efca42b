namespace OrleansCases.Abstractions.Conversation;

/// <summary>A user who has read a case's thread up to message <see cref="UpTo"/>, and when they said so.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.MessageReader")]
public sealed record MessageReader(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] UserRole Role,
    [property: Id(3)] int UpTo,
    [property: Id(4)] DateTimeOffset At);
