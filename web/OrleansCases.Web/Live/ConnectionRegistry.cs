using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Presence;

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
    private readonly Dictionary<string, string> _caseRegions = new(StringComparer.Ordinal);

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

    /// <summary>
    /// Forgets a connection, before it leaves its groups; answers whether it was its user's last one here, and the
    /// cases it had open that no other connection of the user here has (presence cares only about the last).
    /// </summary>
    public Departure? Remove(string connectionId)
    {
        lock (_gate)
        {
            if (!_connections.Remove(connectionId, out var entry))
            {
                return null;
            }

            var ended = new List<WatchEnded>();
            foreach (var caseId in entry.Watching)
            {
                if (RemoveWatcher(caseId, connectionId, entry.User.Id) is { } end)
                {
                    ended.Add(end);
                }
            }

            var last = _byUser.TryGetValue(entry.User.Id, out var ofUser) && ofUser.Remove(connectionId) && ofUser.Count == 0;
            if (last)
            {
                _byUser.Remove(entry.User.Id);
            }

            return new Departure(entry.User, last, ended);
        }
    }

    /// <summary>A registered connection is about to join the group of <paramref name="caseId"/>, a case of <paramref name="region"/>.</summary>
    public void Watch(string connectionId, string caseId, string region)
    {
        lock (_gate)
        {
            if (!_connections.TryGetValue(connectionId, out var entry) || !entry.Watching.Add(caseId))
            {
                return;
            }

            _caseRegions[caseId] = region;
            if (!_watchers.TryGetValue(caseId, out var watchers))
            {
                _watchers[caseId] = watchers = new HashSet<string>(StringComparer.Ordinal);
            }

            watchers.Add(connectionId);
        }
    }

    /// <summary>
    /// A connection has left the group of <paramref name="caseId"/>, or did not get into it; answers the end of the
    /// user's watch when no other connection of theirs here has the case open.
    /// </summary>
    public WatchEnded? Unwatch(string connectionId, string caseId)
    {
        lock (_gate)
        {
            if (!_connections.TryGetValue(connectionId, out var entry) || !entry.Watching.Remove(caseId))
            {
                return null;
            }

            entry.TypedAt.Remove(caseId);
            return RemoveWatcher(caseId, connectionId, entry.User.Id);
        }
    }

    /// <summary>
    /// A connection says its user is typing on <paramref name="caseId"/>: answers the case's region when the connection
    /// watches it (null otherwise), and whether this signal is due (at most one per <paramref name="spacing"/>).
    /// </summary>
    public (string? Region, bool Due) Typing(string connectionId, string caseId, DateTimeOffset now, TimeSpan spacing)
    {
        lock (_gate)
        {
            if (!_connections.TryGetValue(connectionId, out var entry) || !entry.Watching.Contains(caseId))
            {
                return (null, false);
            }

            if (entry.TypedAt.TryGetValue(caseId, out var last) && now - last < spacing)
            {
                return (_caseRegions[caseId], false);
            }

            entry.TypedAt[caseId] = now;
            return (_caseRegions[caseId], true);
        }
    }

    /// <summary>The cases of <paramref name="region"/> open here, once per user: what presence renews.</summary>
    public IReadOnlyList<CaseWatch> WatchesIn(string region)
    {
        lock (_gate)
        {
            return [.. _watchers.Where(w => _caseRegions[w.Key] == region)
                .SelectMany(w => w.Value.Select(c => new CaseWatch(w.Key, _connections[c].User)))
                .DistinctBy(w => (w.CaseId, w.User.Id))];
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

    private WatchEnded? RemoveWatcher(string caseId, string connectionId, string userId)
    {
        if (!_watchers.TryGetValue(caseId, out var watchers) || !watchers.Remove(connectionId))
        {
            return null;
        }

        var region = _caseRegions[caseId];
        if (watchers.Count == 0)
        {
            _watchers.Remove(caseId);
            _caseRegions.Remove(caseId);
        }

        return watchers.Any(c => _connections.TryGetValue(c, out var other) && other.User.Id == userId)
            ? null
            : new WatchEnded(region, caseId, userId);
    }

    private sealed record Entry(UserRef User, string? RoleGroup, HashSet<string> Watching)
    {
        /// <summary>When the connection last sent a typing signal, per case it watches.</summary>
        public Dictionary<string, DateTimeOffset> TypedAt { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>A connection the registry forgot: whose, whether it was their last here, which cases they no longer have open here.</summary>
public sealed record Departure(UserRef User, bool Last, IReadOnlyList<WatchEnded> WatchesEnded);

/// <summary>A user has no connection here with <see cref="CaseId"/> (of <see cref="Region"/>) open any more.</summary>
public sealed record WatchEnded(string Region, string CaseId, string UserId);

/// <summary>
/// What an event's user and case group sends may leave out: <see cref="PerUser"/>[i] for the i-th user's group,
/// <see cref="Watchers"/> for the case's group.
/// </summary>
public sealed record Overlap(IReadOnlyList<IReadOnlyList<string>> PerUser, IReadOnlyList<string> Watchers);
