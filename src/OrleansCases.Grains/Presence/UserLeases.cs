using OrleansCases.Abstractions;

namespace OrleansCases.Grains.Presence;

/// <summary>
/// One online user: per web instance that holds a connection of theirs, until when its lease lasts and when that
/// instance last said the connection was there (what "last seen" becomes once every lease has ended).
/// </summary>
internal sealed class UserLeases(UserRef user)
{
    public UserRef User { get; set; } = user;

    public Dictionary<string, (DateTimeOffset Until, DateTimeOffset HeldAt)> ByInstance { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset LastHeld => ByInstance.Values.Max(l => l.HeldAt);
}
