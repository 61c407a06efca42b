namespace OrleansCases.Grains;

/// <summary>A command a case has applied: who sent it, its id, and the version it produced.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CommandMark")]
public sealed record CommandMark(
    [property: Id(0)] string CallerId,
    [property: Id(1)] string CommandId,
    [property: Id(2)] int Version);
