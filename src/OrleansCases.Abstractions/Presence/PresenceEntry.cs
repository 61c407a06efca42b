namespace OrleansCases.Abstractions.Presence;

/// <summary>
/// Whether one CHW or clinician is online (holds a connection on some web instance) and when they were last seen:
/// now while online, the moment their last connection closed or its instance went silent after. Null: never seen.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.PresenceEntry")]
public sealed record PresenceEntry(
    [property: Id(0)] UserRef User,
    [property: Id(1)] bool Online,
    [property: Id(2)] DateTimeOffset? LastSeen);
