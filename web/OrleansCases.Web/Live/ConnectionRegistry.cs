using OrleansCases.Abstractions;

namespace OrleansCases.Web.Live;

/// <summary>
/// The connections of this instance as the hub put them in groups: whose each one is, which role group it joined,
/// which cases it watches. SignalR sends to each group named in a send, so a connection in two of an event's groups
/// would get it twice; the bridge asks this registry which connections a group send can leave out because another
/// of the event's groups already reaches them (<see cref="Overlaps"/>). A connection is registered only once it is
/// in its groups, and unregistered before it leaves them, so what the registry says is never more than SignalR has: a
/// send then never leaves out a connection that no other group reaches. Watches are the other way round (the hub
/// records one before joining the case's group and forgets it after leaving): they only ever leave a connection out of
/// the case's own group, so knowing more than SignalR costs nothing, and knowing less would send an event twice.
/// </summary>
public sealed class ConnectionRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _connections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _watchers = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>
    /// Registers a connection that has joined its user's and its role's groups; true when it is the user's first
    /// connection on this instance (presence cares only about the first and the last).
    /// </summary>
    public bool Add(string connectionId, UserRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate)
        {
            _connections[connectionId] = new Entry(user, CaseGroups.RoleGroupOf(user), new HashSet<string>(StringComparer.Ordinal));
            if (!_byUser.TryGetValue(user.Id, out var ofUser))
            {
                _byUser[user.Id] = ofUser = [];
            }

            ofUser.Add(connectionId);
            return ofUser.Count == 1;
        }
    }

    /// <summary>Forgets a connection, before it leaves its groups; answers its user when it was their last one here.</summary>
    public UserRef? Remove(string connectionId)
    {
        lock (_gate)
        {
            if (!_connections.Remove(connectionId, out var entry))
            {
                return null;
            }

            foreach (var caseId in entry.Watching)
            {
                RemoveWatcher(caseId, connectionId);
            }

            if (_byUser.TryGetValue(entry.User.Id, out var ofUser) && ofUser.Remove(connectionId) && ofUser.Count == 0)
            {
                _byUser.Remove(entry.User.Id);
                return entry.User;
            }

            return null;
        }
    }

    /// <summary>A registered connection is about to join the group of <paramref name="caseId"/>.</summary>
    public void Watch(string connectionId, string caseId)
    {
        lock (_gate)
        {
            if (!_connections.TryGetValue(connectionId, out var entry) || !entry.Watching.Add(caseId))
            {
                return;
            }

            if (!_watchers.TryGetValue(caseId, out var watchers))
            {
                _watchers[caseId] = watchers = new HashSet<string>(StringComparer.Ordinal);
            }

            watchers.Add(connectionId);
        }
    }

    /// <summary>A connection has left the group of <paramref name="caseId"/>, or did not get into it.</summary>
    public void Unwatch(string connectionId, string caseId)
    {
        lock (_gate)
        {
            if (_connections.TryGetValue(connectionId, out var entry) && entry.Watching.Remove(caseId))
            {
                RemoveWatcher(caseId, connectionId);
            }
        }
    }

    /// <summary>
    /// For an event that goes to <paramref name="roleGroups"/>, the user groups of <paramref name="users"/> and the
    /// group of <paramref name="caseId"/>: per user, their connections a role group reaches already; and the case's
    /// watchers that a role group or their user's group reaches already.
    /// </summary>
    public Overlap Overlaps(IReadOnlyList<string> roleGroups, IReadOnlyList<string> users, string caseId)
    {
        ArgumentNullException.ThrowIfNull(roleGroups);
        ArgumentNullException.ThrowIfNull(users);
        var perUser = new IReadOnlyList<string>[users.Count];
        lock (_gate)
        {
            for (var i = 0; i < users.Count; i++)
            {
                perUser[i] = _byUser.TryGetValue(users[i], out var ofUser)
                    ? [.. ofUser.Where(c => _connections[c].RoleGroup is { } g && roleGroups.Contains(g))]
                    : [];
            }

            IReadOnlyList<string> watchers = _watchers.TryGetValue(caseId, out var ofCase)
                ? [.. ofCase.Where(c => _connections[c] is var e && ((e.RoleGroup is { } g && roleGroups.Contains(g)) || users.Contains(e.User.Id)))]
                : [];
            return new Overlap(perUser, watchers);
        }
    }

    /// <summary>The connections of users of <paramref name="region"/> (admins have none): who a region's resync is for.</summary>
    public IReadOnlyList<string> InRegion(string region)
    {
        lock (_gate)
        {
            return [.. _connections.Where(c => c.Value.User.Region == region).Select(c => c.Key)];
        }
    }

    /// <summary>The users of <paramref name="region"/> with a connection here, each once: what presence renews.</summary>
    public IReadOnlyList<UserRef> UsersIn(string region)
    {
        lock (_gate)
        {
            return [.. _byUser.Values.Select(c => _connections[c[0]].User).Where(u => u.Region == region)];
        }
    }

    private void RemoveWatcher(string caseId, string connectionId)
    {
        if (_watchers.TryGetValue(caseId, out var watchers) && watchers.Remove(connectionId) && watchers.Count == 0)
        {
            _watchers.Remove(caseId);
        }
    }

    private sealed record Entry(UserRef User, string? RoleGroup, HashSet<string> Watching);
}

/// <summary>
/// What an event's user and case group sends may leave out: <see cref="PerUser"/>[i] for the i-th user's group,
/// <see cref="Watchers"/> for the case's group.
/// </summary>
public sealed record Overlap(IReadOnlyList<IReadOnlyList<string>> PerUser, IReadOnlyList<string> Watchers);
