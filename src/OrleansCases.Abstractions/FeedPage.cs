namespace OrleansCases.Abstractions;

/// <summary>A run of a region's events, oldest first, and the region's head when it was read.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.FeedPage")]
public sealed record FeedPage(
    [property: Id(0)] IReadOnlyList<CaseEvent> Items,
    [property: Id(1)] long Head);
