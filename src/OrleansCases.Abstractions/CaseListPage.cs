namespace OrleansCases.Abstractions;

/// <summary>
/// A page of a list. <see cref="Next"/> is null on the last page. <see cref="FeedHead"/> is the region's sequence
/// number read before the list, so following the feed from it misses nothing the list did not show.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseListPage")]
public sealed record CaseListPage(
    [property: Id(0)] IReadOnlyList<CaseRecord> Items,
    [property: Id(1)] string? Next,
    [property: Id(2)] long FeedHead);
