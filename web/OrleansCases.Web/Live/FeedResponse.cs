
namespace OrleansCases.Web.Live;

/// <summary>Events since a cursor, oldest first, each shaped as the hub sends it (status or message); follow on from <see cref="NextCursor"/>.</summary>
public sealed record FeedResponse(IReadOnlyList<FeedItem> Items, string NextCursor);
