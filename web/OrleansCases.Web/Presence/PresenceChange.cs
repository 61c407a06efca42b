using MessagePack;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Presence;
using OrleansCases.Web.Http;

namespace OrleansCases.Web.Presence;

/// <summary>presenceChanged (docs/design.md section 9): a CHW or clinician came online or went offline.</summary>
[MessagePackObject]
public sealed record PresenceChange(
    [property: Key("userId")] string UserId,
    [property: Key("name")] string Name,
    [property: Key("role")] string Role,
    [property: Key("region")] string Region,
    [property: Key("online")] bool Online,
    [property: Key("lastSeen")] string? LastSeen)
{
    public static PresenceChange From(PresenceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(
            entry.User.Id, entry.User.Name, WireName.Of(entry.User.Role), entry.User.Region!, entry.Online,
            entry.LastSeen is { } seen ? WireTime.Of(seen) : null);
    }
}
