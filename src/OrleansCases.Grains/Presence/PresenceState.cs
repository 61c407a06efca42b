using System.Collections.Immutable;
using OrleansCases.Abstractions.Presence;

namespace OrleansCases.Grains.Presence;

/// <summary>What a region's presence grain stores: each user it has seen, as they were when last seen going offline.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.PresenceState")]
public sealed record PresenceState
{
    [Id(0)]
    public ImmutableDictionary<string, PresenceEntry> Seen { get; init; } = ImmutableDictionary<string, PresenceEntry>.Empty.WithComparers(StringComparer.Ordinal);
}
