using Orleans.Concurrency;
using OrleansCases.Abstractions.Conversation;
using OrleansCases.Abstractions.Reads;

namespace OrleansCases.Abstractions.Presence;

/// <summary>A web instance, as the presence grains of the regions call it back: it passes each change to its hub.</summary>
[Alias("OrleansCases.IPresenceObserver")]
public interface IPresenceObserver : IGrainObserver
{
    /// <summary>One-way: a slow or vanished instance never holds up the grain.</summary>
    [OneWay, Alias("PresenceChanged")]
    Task PresenceChanged(PresenceEntry entry);

    /// <summary>Who has <paramref name="caseId"/> open changed; <paramref name="viewers"/> is everyone now, by name.</summary>
    [OneWay, Alias("ViewersChanged")]
    Task ViewersChanged(string caseId, IReadOnlyList<UserRef> viewers);

    /// <summary>Someone is typing on a case: for its watchers here, but the connection it came from.</summary>
    [OneWay, Alias("Typing")]
    Task Typing(CaseTyping typing);

    /// <summary>Someone read a case's thread further: for its watchers here.</summary>
    [OneWay, Alias("MessagesRead")]
    Task MessagesRead(CaseMessagesRead read);

    /// <summary>A clinician saw a case for the first time: tell its owner's connections (caseSeen).</summary>
    [OneWay, Alias("CaseSeen")]
    Task CaseSeen(CaseSeenNotice seen);
}
