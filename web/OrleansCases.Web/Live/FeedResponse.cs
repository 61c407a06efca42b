
namespace OrleansCases.Web.Live;

/// <summary>Events since a cursor, oldest first, each shaped as the hub sends it; follow on from <see cref="NextCursor"/>.</summary>
public sealed record FeedResponse(IReadOnlyList<CaseStatusUpdate> Items, string NextCursor);
