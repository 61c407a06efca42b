using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Conversation;
using OrleansCases.Abstractions.Presence;
using OrleansCases.Abstractions.Reads;
using OrleansCases.Grains.ReadModel;

namespace OrleansCases.Grains.Presence;

/// <summary>
/// Who of a region's CHWs and clinicians is online, and who has which of its cases open (see
/// <see cref="IPresenceGrain"/>). Leases live in memory: a lost activation forgets them, and the web instances' next
/// renewals, within <see cref="PresenceTiming.Renewal"/>, bring them back. Only the offline users' last-seen times
/// are stored, at most once per sweep.
/// </summary>
public sealed class PresenceGrain(
    [PersistentState("presence", CaseStorage.Cases)] IPersistentState<PresenceState> stored,
    [FromKeyedServices(CaseClock.Key)] TimeProvider clock,
    CaseMetrics metrics,
    ILogger<PresenceGrain> logger) : Grain, IPresenceGrain
{
    private readonly Dictionary<string, UserLeases> _online = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IPresenceObserver Observer, DateTimeOffset Until)> _instances = new(StringComparer.Ordinal);
    private readonly CaseViewers _viewers = new();
    private bool _unsaved;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(PresenceTiming.Sweep, PresenceTiming.Sweep));
        return base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await SaveAsync();
        metrics.PresenceLeft(this.GetPrimaryKeyString(), _online.Count);
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task RenewAsync(string instance, IReadOnlyList<UserRef> users, IReadOnlyList<CaseWatch> watches, IPresenceObserver observer)
    {
        ArgumentException.ThrowIfNullOrEmpty(instance);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(watches);
        ArgumentNullException.ThrowIfNull(observer);
        var now = clock.GetUtcNow();
        _instances[instance] = (observer, now + PresenceTiming.Lease);
        foreach (var user in users)
        {
            Hold(instance, user, now);
        }

        // The renewal is the instance's whole truth: a user it no longer names lost a disconnect call on the way (unless
        // they came after it took its list, and their call overtook it).
        var named = users.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var leases in _online.Values.Where(l => !named.Contains(l.User.Id)))
        {
            if (leases.ByInstance.TryGetValue(instance, out var lease) && lease.HeldAt <= now - PresenceTiming.RenewalOvertaken)
            {
                Release(leases, instance, now);
            }
        }

        AnnounceViewers(_viewers.Renew(instance, watches, now));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<UserRef>> WatchAsync(string instance, CaseWatch watch)
    {
        ArgumentException.ThrowIfNullOrEmpty(instance);
        ArgumentNullException.ThrowIfNull(watch);
        if (_viewers.Hold(instance, watch, clock.GetUtcNow()))
        {
            AnnounceViewers([watch.CaseId]);
        }

        return Task.FromResult(_viewers.Of(watch.CaseId));
    }

    public Task UnwatchAsync(string instance, string caseId, string userId)
    {
        if (_viewers.Release(instance, caseId, userId))
        {
            AnnounceViewers([caseId]);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<UserRef>> ViewersAsync(string caseId) => Task.FromResult(_viewers.Of(caseId));

    public Task TypingAsync(CaseTyping typing)
    {
        ArgumentNullException.ThrowIfNull(typing);
        Tell(observer => observer.Typing(typing));
        return Task.CompletedTask;
    }

    public Task MessagesReadAsync(CaseMessagesRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        Tell(observer => observer.MessagesRead(read));
        return Task.CompletedTask;
    }

    public Task CaseSeenAsync(CaseSeenNotice seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        Tell(observer => observer.CaseSeen(seen));
        return Task.CompletedTask;
    }

    public Task ConnectedAsync(string instance, UserRef user)
    {
        ArgumentException.ThrowIfNullOrEmpty(instance);
        ArgumentNullException.ThrowIfNull(user);
        Hold(instance, user, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task DisconnectedAsync(string instance, string userId)
    {
        if (_online.TryGetValue(userId, out var leases))
        {
            Release(leases, instance, clock.GetUtcNow());
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PresenceEntry>> ListAsync()
    {
        var now = clock.GetUtcNow();
        var entries = stored.State.Seen.Values
            .Where(e => !_online.ContainsKey(e.User.Id))
            .Concat(_online.Values.Select(l => new PresenceEntry(l.User, true, now)));
        return Task.FromResult<IReadOnlyList<PresenceEntry>>([.. entries]);
    }

    private void Hold(string instance, UserRef user, DateTimeOffset now)
    {
        if (!PresenceScope.Covers(user) || user.Region != this.GetPrimaryKeyString())
        {
            return;
        }

        var wasOnline = _online.TryGetValue(user.Id, out var leases);
        if (!wasOnline)
        {
            _online[user.Id] = leases = new UserLeases(user);
        }

        leases!.User = user;
        leases.ByInstance[instance] = (now + PresenceTiming.Lease, now);
        if (!wasOnline)
        {
            Announce(new PresenceEntry(user, true, now));
        }
    }

    /// <summary>The user has no connection on <paramref name="instance"/> now: its lease ends after the grace.</summary>
    private static void Release(UserLeases leases, string instance, DateTimeOffset now)
    {
        if (leases.ByInstance.TryGetValue(instance, out var lease) && lease.Until > now + PresenceTiming.Grace)
        {
            leases.ByInstance[instance] = (now + PresenceTiming.Grace, now);
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var gone in _instances.Where(i => i.Value.Until <= now).Select(i => i.Key).ToList())
        {
            _instances.Remove(gone);
        }

        foreach (var leases in _online.Values.ToList())
        {
            var lastHeld = leases.LastHeld;
            foreach (var ended in leases.ByInstance.Where(l => l.Value.Until <= now).Select(l => l.Key).ToList())
            {
                leases.ByInstance.Remove(ended);
            }

            if (leases.ByInstance.Count == 0)
            {
                _online.Remove(leases.User.Id);
                var offline = new PresenceEntry(leases.User, false, lastHeld);
                stored.State = stored.State with { Seen = stored.State.Seen.SetItem(leases.User.Id, offline) };
                _unsaved = true;
                Announce(offline);
            }
        }

        AnnounceViewers(_viewers.Sweep(now));
        await SaveAsync();
    }

    private async Task SaveAsync()
    {
        if (!_unsaved)
        {
            return;
        }

        try
        {
            await stored.WriteStateAsync();
            _unsaved = false;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Storage is away; the next sweep tries again. Only last-seen times wait: presence itself is in memory.
            GrainLog.PresenceSaveFailed(logger, this.GetPrimaryKeyString(), ex);
        }
    }

    private void Announce(PresenceEntry entry)
    {
        metrics.PresenceChanged(entry.User.Region!, entry.Online);
        Tell(observer => observer.PresenceChanged(entry));
    }

    private void AnnounceViewers(IEnumerable<string> caseIds)
    {
        foreach (var caseId in caseIds)
        {
            var viewers = _viewers.Of(caseId);
            Tell(observer => observer.ViewersChanged(caseId, viewers));
        }
    }

    private void Tell(Func<IPresenceObserver, Task> call)
    {
        foreach (var (instance, (observer, _)) in _instances)
        {
            try
            {
                _ = call(observer);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One-way: nothing comes back from a live instance; a dead one's lease ends at the next sweep.
                GrainLog.ObserverFailed(logger, this.GetPrimaryKeyString(), instance, ex);
            }
        }
    }
}
