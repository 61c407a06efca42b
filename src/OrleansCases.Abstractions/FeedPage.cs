namespace OrleansCases.Abstractions;

/// <summary>
/// A run of a region's events, oldest first, and the region's head when it was read. <see cref="Floor"/> is the
/// highest pruned seq (0 while nothing was pruned): events up to it are gone, so a reader whose cursor is below it
/// has missed some and must reload its lists (the API answers 410).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.FeedPage")]
public sealed record FeedPage(
    [property: Id(0)] IReadOnlyList<CaseEvent> Items,
    [property: Id(1)] long Head,
    [property: Id(2)] long Floor);
