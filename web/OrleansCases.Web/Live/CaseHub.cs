using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using OrleansCases.Web.Http;
using OrleansCases.Web.Presence;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Reads;
using OrleansCases.Abstractions.Presence;
using OrleansCases.Web.Cases;
using OrleansCases.Web.Telemetry;

namespace OrleansCases.Web.Live;

/// <summary>
/// The hub at /hubs/cases. Thin on purpose: it puts a connection in the groups its claims entitle it to, lets it
/// watch cases it may read, and tells presence (<see cref="PresenceLeases"/>) who came, left and has which case open.
/// Events reach it from <see cref="CaseEventBridge"/> and <see cref="PresenceRelay"/>, not from here.
/// </summary>
[Authorize]
public sealed class CaseHub(
    IClusterClient cluster, ConnectionRegistry registry, PresenceLeases presence, WebMetrics metrics, TimeProvider clock) : Hub<ICaseClient>
{
    private const string NotReadable = "Case not found, or you may not read it.";
    private const string NotWatched = "Watch the case first: typing goes to the case's watchers.";
    private const string CountedAs = "countedAs";

    public override async Task OnConnectedAsync()
    {
        if (Context.User?.ToUserRef() is not { } user)
        {
            Context.Abort();
            return;
        }

        foreach (var group in CaseGroups.ForUser(user))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }

        var first = registry.Add(Context.ConnectionId, user);
        metrics.Connected(user);
        Context.Items[CountedAs] = user;
        if (first)
        {
            await presence.ConnectedAsync(user);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var departure = registry.Remove(Context.ConnectionId);
        if (Context.Items.TryGetValue(CountedAs, out var counted) && counted is UserRef user)
        {
            metrics.Disconnected(user);
        }

        if (departure is not null)
        {
            await presence.LeftAsync(departure);
        }

        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Joins the case's group and answers the case, or fails the same way whether it is missing or not readable.</summary>
    public async Task<CaseResponse> WatchCase(string caseId)
    {
        var user = Context.User?.ToUserRef() ?? throw new HubException(NotReadable);
        if (!CaseIds.IsWellFormed(caseId))
        {
            throw new HubException(NotReadable);
        }

        // Read, join, read again: the first read keeps a connection that may not read the case out of its group (it
        // would receive its events); the second sees every change sent before the join, and later ones arrive live.
        var grain = cluster.GetGrain<ICaseGrain>(caseId);
        var region = (await grain.GetAsync(user) ?? throw new HubException(NotReadable)).Case.Region;
        // The registry learns of the watch before SignalR (and forgets it after, below): in between, the bridge leaves
        // the connection out of a case send that it is not in yet, which costs nothing, where the other order would
        // send an event twice to a connection that another group reaches too.
        registry.Watch(Context.ConnectionId, caseId, region);
        try
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, CaseGroups.Case(caseId));
        }
        catch
        {
            registry.Unwatch(Context.ConnectionId, caseId);
            throw;
        }

        if (await grain.ReadAsync(user, ReadChannel.Hub, opened: true) is not { } view)
        {
            await UnwatchCase(caseId);
            throw new HubException(NotReadable);
        }

        return CaseResponse.ForRead(view, await presence.WatchedAsync(new CaseWatch(caseId, user), region));
    }

    public async Task UnwatchCase(string caseId)
    {
        if (CaseIds.IsWellFormed(caseId))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, CaseGroups.Case(caseId));
            if (registry.Unwatch(Context.ConnectionId, caseId) is { } ended)
            {
                await presence.UnwatchedAsync(ended);
            }
        }
    }

    /// <summary>
    /// The caller is typing on a case this connection watches: its other watchers are told (caseTyping), on every
    /// instance; nothing is stored. A connection's signals for one case go out at most every
    /// <see cref="PresenceTiming.Typing"/>; the others are dropped.
    /// </summary>
    public async Task Typing(string caseId)
    {
        var user = Context.User?.ToUserRef() ?? throw new HubException(NotWatched);
        var (region, due) = CaseIds.IsWellFormed(caseId)
            ? registry.Typing(Context.ConnectionId, caseId, clock.GetUtcNow(), PresenceTiming.Typing)
            : (null, false);
        if (region is null)
        {
            throw new HubException(NotWatched);
        }

        if (due)
        {
            await presence.TypingAsync(region, new CaseTyping(caseId, user, Context.ConnectionId));
        }
    }
}
