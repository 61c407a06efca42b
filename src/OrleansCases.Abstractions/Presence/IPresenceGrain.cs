namespace OrleansCases.Abstractions.Presence;

/// <summary>
/// Who of a region's CHWs and clinicians is online (key: the region). Web instances hold leases on their users:
/// <see cref="RenewAsync"/> with the whole list, and <see cref="ConnectedAsync"/> and <see cref="DisconnectedAsync"/>
/// in between so that changes show at once. Kept in memory, whole again within one renewal after a lost activation;
/// when each user was last seen is stored.
/// </summary>
[Alias("OrleansCases.IPresenceGrain")]
public interface IPresenceGrain : IGrainWithStringKey
{
    /// <summary>
    /// <paramref name="instance"/> holds connections of exactly <paramref name="users"/> of this region, and wants
    /// changes at <paramref name="observer"/>; both leases last <see cref="PresenceTiming.Lease"/>.
    /// </summary>
    [Alias("RenewAsync")]
    Task RenewAsync(string instance, IReadOnlyList<UserRef> users, IPresenceObserver observer);

    /// <summary>The first connection of <paramref name="user"/> on <paramref name="instance"/> opened.</summary>
    [Alias("ConnectedAsync")]
    Task ConnectedAsync(string instance, UserRef user);

    /// <summary>The last connection of <paramref name="userId"/> on <paramref name="instance"/> closed.</summary>
    [Alias("DisconnectedAsync")]
    Task DisconnectedAsync(string instance, string userId);

    /// <summary>Everyone this region has seen, online or not.</summary>
    [Alias("ListAsync")]
    Task<IReadOnlyList<PresenceEntry>> ListAsync();
}
