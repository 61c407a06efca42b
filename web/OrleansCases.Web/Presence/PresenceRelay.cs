using Microsoft.AspNetCore.SignalR;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Conversation;
using OrleansCases.Abstractions.Presence;
using OrleansCases.Abstractions.Reads;
using OrleansCases.Web.Cases;
using OrleansCases.Web.Conversation;
using OrleansCases.Web.Live;
using OrleansCases.Web.Reads;

namespace OrleansCases.Web.Presence;

/// <summary>
/// This instance as the regions' presence grains call it back (<see cref="IPresenceObserver"/>): a presence change goes
/// to the region's group of everyone and to admins, a change of a case's viewers, typing and read receipts to the
/// case's watchers, on this instance's connections; every instance gets the same call.
/// </summary>
public sealed class PresenceRelay(IHubContext<CaseHub, ICaseClient> hub, ILogger<PresenceRelay> logger) : IPresenceObserver
{
    public async Task PresenceChanged(PresenceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            await hub.Clients.Groups([CaseGroups.Region(entry.User.Region!), CaseGroups.Admins]).presenceChanged(PresenceChange.From(entry));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            PresenceLog.RelayFailed(logger, entry.User.Region!, ex);
        }
    }

    public async Task ViewersChanged(string caseId, IReadOnlyList<UserRef> viewers)
    {
        ArgumentNullException.ThrowIfNull(viewers);
        try
        {
            await hub.Clients.Group(CaseGroups.Case(caseId)).caseViewers(new CaseViewersUpdate(caseId, [.. viewers.Select(CaseViewer.From)]));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            PresenceLog.CaseSignalRelayFailed(logger, ex);
        }
    }

    public async Task Typing(CaseTyping typing)
    {
        ArgumentNullException.ThrowIfNull(typing);
        try
        {
            await hub.Clients.GroupExcept(CaseGroups.Case(typing.CaseId), [typing.Connection])
                .caseTyping(new CaseTypingUpdate(typing.CaseId, typing.User.Id, typing.User.Name));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            PresenceLog.CaseSignalRelayFailed(logger, ex);
        }
    }

    public async Task CaseSeen(CaseSeenNotice seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        try
        {
            await hub.Clients.Group(CaseGroups.User(seen.OwnerId)).caseSeen(CaseSeenUpdate.From(seen));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            PresenceLog.CaseSignalRelayFailed(logger, ex);
        }
    }

    public async Task MessagesRead(CaseMessagesRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            await hub.Clients.Group(CaseGroups.Case(read.CaseId)).caseMessagesRead(new CaseMessagesReadUpdate(read.CaseId, read.UserId, read.UpTo));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            PresenceLog.CaseSignalRelayFailed(logger, ex);
        }
    }
}
