using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Presence;

namespace OrleansCases.Grains.Presence;

/// <summary>
/// Who has each case of a region open, with a lease per web instance as for presence. Every change answers the cases
/// whose viewers it changed, for the grain to announce; a user with the case open on two instances is one viewer.
/// </summary>
internal sealed class CaseViewers
{
    private readonly Dictionary<string, Dictionary<string, UserLeases>> _byCase = new(StringComparer.Ordinal);

    public IReadOnlyList<UserRef> Of(string caseId) =>
        _byCase.TryGetValue(caseId, out var viewers)
            ? [.. viewers.Values.Select(v => v.User).OrderBy(u => u.Name, StringComparer.Ordinal).ThenBy(u => u.Id, StringComparer.Ordinal)]
            : [];

    /// <summary>True when the watch made a new viewer of the case.</summary>
    public bool Hold(string instance, CaseWatch watch, DateTimeOffset now)
    {
        if (!_byCase.TryGetValue(watch.CaseId, out var viewers))
        {
            _byCase[watch.CaseId] = viewers = new(StringComparer.Ordinal);
        }

        var added = !viewers.TryGetValue(watch.User.Id, out var leases);
        if (added)
        {
            viewers[watch.User.Id] = leases = new UserLeases(watch.User);
        }

        leases!.ByInstance[instance] = (now + PresenceTiming.Lease, now);
        return added;
    }

    /// <summary>True when the user, without the case open on another instance, is no viewer now.</summary>
    public bool Release(string instance, string caseId, string userId)
    {
        if (!_byCase.TryGetValue(caseId, out var viewers) || !viewers.TryGetValue(userId, out var leases)
            || !leases.ByInstance.Remove(instance) || leases.ByInstance.Count > 0)
        {
            return false;
        }

        Forget(caseId, viewers, userId);
        return true;
    }

    /// <summary>
    /// The instance's whole list: what it names is held; what it no longer names is let go at once, unless it was
    /// taken so recently that the list predates it (<see cref="PresenceTiming.RenewalOvertaken"/>).
    /// </summary>
    public IReadOnlySet<string> Renew(string instance, IReadOnlyList<CaseWatch> watches, DateTimeOffset now)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var named = watches.Select(w => (w.CaseId, w.User.Id)).ToHashSet();
        foreach (var (caseId, viewers) in _byCase.ToList())
        {
            var unnamed = viewers.Where(v => !named.Contains((caseId, v.Key))
                && v.Value.ByInstance.TryGetValue(instance, out var lease) && lease.HeldAt <= now - PresenceTiming.RenewalOvertaken);
            foreach (var userId in unnamed.Select(v => v.Key).ToList())
            {
                if (Release(instance, caseId, userId))
                {
                    changed.Add(caseId);
                }
            }
        }

        foreach (var watch in watches.Where(w => Hold(instance, w, now)))
        {
            changed.Add(watch.CaseId);
        }

        return changed;
    }

    /// <summary>Ends the leases due by <paramref name="now"/> (instances that stopped renewing).</summary>
    public IReadOnlySet<string> Sweep(DateTimeOffset now)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (caseId, viewers) in _byCase.ToList())
        {
            foreach (var (userId, leases) in viewers.ToList())
            {
                foreach (var ended in leases.ByInstance.Where(l => l.Value.Until <= now).Select(l => l.Key).ToList())
                {
                    leases.ByInstance.Remove(ended);
                }

                if (leases.ByInstance.Count == 0)
                {
                    Forget(caseId, viewers, userId);
                    changed.Add(caseId);
                }
            }
        }

        return changed;
    }

    private void Forget(string caseId, Dictionary<string, UserLeases> viewers, string userId)
    {
        viewers.Remove(userId);
        if (viewers.Count == 0)
        {
            _byCase.Remove(caseId);
        }
    }
}
