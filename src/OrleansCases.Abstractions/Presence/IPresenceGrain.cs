using Orleans.Concurrency;
using OrleansCases.Abstractions.Conversation;
using OrleansCases.Abstractions.Reads;

namespace OrleansCases.Abstractions.Presence;

/// <summary>
/// Who of a region's CHWs and clinicians is online, and who has each of its cases open (key: the region). Web
/// instances hold leases on both: <see cref="RenewAsync"/> with the whole lists, and the other calls in between so
/// that changes show at once. Kept in memory, whole again within one renewal after a lost activation; when each user
/// was last seen is stored.
/// </summary>
[Alias("OrleansCases.IPresenceGrain")]
public interface IPresenceGrain : IGrainWithStringKey
{
    /// <summary>
    /// <paramref name="instance"/> holds connections of exactly <paramref name="users"/> of this region, exactly
    /// <paramref name="watches"/> of its cases are open on it, and it wants changes at <paramref name="observer"/>;
    /// the leases last <see cref="PresenceTiming.Lease"/>.
    /// </summary>
    [Alias("RenewAsync")]
    Task RenewAsync(string instance, IReadOnlyList<UserRef> users, IReadOnlyList<CaseWatch> watches, IPresenceObserver observer);

    /// <summary>The first connection of <paramref name="user"/> on <paramref name="instance"/> opened.</summary>
    [Alias("ConnectedAsync")]
    Task ConnectedAsync(string instance, UserRef user);

    /// <summary>The last connection of <paramref name="userId"/> on <paramref name="instance"/> closed.</summary>
    [Alias("DisconnectedAsync")]
    Task DisconnectedAsync(string instance, string userId);

    /// <summary>A connection on <paramref name="instance"/> opened a case (again); answers its viewers now.</summary>
    [Alias("WatchAsync")]
    Task<IReadOnlyList<UserRef>> WatchAsync(string instance, CaseWatch watch);

    /// <summary>The last connection of <paramref name="userId"/> on <paramref name="instance"/> with the case open let it go.</summary>
    [Alias("UnwatchAsync")]
    Task UnwatchAsync(string instance, string caseId, string userId);

    /// <summary>Passes a typing signal to every web instance, for the case's watchers; nothing is kept.</summary>
    [OneWay, Alias("TypingAsync")]
    Task TypingAsync(CaseTyping typing);

    /// <summary>Passes a read receipt to every web instance, for the case's watchers (it is stored by the case).</summary>
    [OneWay, Alias("MessagesReadAsync")]
    Task MessagesReadAsync(CaseMessagesRead read);

    /// <summary>A clinician saw a case for the first time: every web instance tells its owner (caseSeen).</summary>
    [OneWay, Alias("CaseSeenAsync")]
    Task CaseSeenAsync(CaseSeenNotice seen);

    /// <summary>Who has <paramref name="caseId"/> open, by name.</summary>
    [Alias("ViewersAsync")]
    Task<IReadOnlyList<UserRef>> ViewersAsync(string caseId);

    /// <summary>Everyone this region has seen, online or not.</summary>
    [Alias("ListAsync")]
    Task<IReadOnlyList<PresenceEntry>> ListAsync();
}
