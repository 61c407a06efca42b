namespace OrleansCases.Web.Cases;

/// <summary>
/// A page of a list: newest change first. <see cref="NextCursor"/> is null on the last page; <see cref="FeedCursor"/>
/// is where to follow /api/feed from so that nothing changed since the list was read is missed.
/// </summary>
public sealed record CaseListResponse(IReadOnlyList<CaseListItem> Items, string? NextCursor, string FeedCursor);
