using OrleansCases.Abstractions;

namespace OrleansCases.Web.Presence;

/// <summary>The answer of GET /api/presence: the region's CHWs and clinicians, by name.</summary>
public sealed record PresenceResponse(IReadOnlyList<PresenceItem> Items);

/// <summary>One CHW or clinician: online now, and when last seen (null: not since presence began keeping it).</summary>
public sealed record PresenceItem(string Id, string Name, UserRole Role, bool Online, DateTimeOffset? LastSeen);
