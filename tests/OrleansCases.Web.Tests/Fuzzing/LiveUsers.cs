using System.Text.Json;
using OrleansCases.Abstractions;
using OrleansCases.Web.Live;
using OrleansCases.Web.Tests.Support;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>One live SignalR connection of a demo user, and what it watched when (in steps of the run).</summary>
public sealed class LiveConnection(UserRef user, int web, bool messagePack, LiveClient client)
{
    private readonly Dictionary<string, List<(int Step, bool Watching)>> _watches = new(StringComparer.Ordinal);
    private readonly HashSet<(string CaseId, int Version)> _seen = [];
    private int _checked;

    public UserRef User { get; } = user;

    public int Web { get; } = web;

    public bool IsMessagePack { get; } = messagePack;

    public LiveClient Client { get; } = client;

    public string Name => $"{User.Id}@web{Web}";

    public void Watched(string caseId, int step, bool watching)
    {
        if (!_watches.TryGetValue(caseId, out var log))
        {
            _watches[caseId] = log = [];
        }

        log.Add((step, watching));
    }

    /// <summary>The cases this connection watches now (watched last, not unwatched since), oldest first.</summary>
    public IReadOnlyList<string> Watching =>
        [.. _watches.Where(w => w.Value[^1].Watching).OrderBy(w => w.Value[^1].Step).Select(w => w.Key)];

    /// <summary>
    /// Whether a watch may have delivered an event whose command was sent at <paramref name="step"/>: the case was
    /// watched then (watched last before it, not unwatched since), or watched at any time after it (an event the
    /// bridge sends after the join reaches the watcher however late it was decided).
    /// </summary>
    public bool MayHaveWatched(string caseId, int step)
    {
        if (!_watches.TryGetValue(caseId, out var log))
        {
            return false;
        }

        var before = log.LastOrDefault(w => w.Step < step);
        return (before.Step != 0 && before.Watching) || log.Any(w => w.Step > step && w.Watching);
    }

    /// <summary>The events received since the last call, each once: a second copy of a (case, version) is returned as a duplicate.</summary>
    public (IReadOnlyList<JsonElement> New, IReadOnlyList<JsonElement> Duplicates) TakeReceived()
    {
        var received = Client.Received;
        var fresh = new List<JsonElement>();
        var duplicates = new List<JsonElement>();
        foreach (var e in received.Skip(_checked))
        {
            var key = (e.GetProperty("caseId").GetString() ?? "", e.GetProperty("version").GetInt32());
            (_seen.Add(key) ? fresh : duplicates).Add(e);
        }

        _checked = received.Count;
        return (fresh, duplicates);
    }

    public bool HasReceived(string caseId, int version) => _seen.Contains((caseId, version)) || Client.VersionsOf(caseId).Contains(version);
}

/// <summary>
/// A live connection per demo user (on the web instance the run's plan says, JSON or MessagePack), and the admin's
/// second one on the other instance, open for the whole run: each event that reaches any of them is checked against
/// docs/design.md section 3, and each event a connection's groups entitle it to must reach it, once.
/// </summary>
public sealed class LiveUsers : IAsyncDisposable
{
    private readonly List<LiveConnection> _all;

    private LiveUsers(List<LiveConnection> all) => _all = all;

    public IReadOnlyList<LiveConnection> All => _all;

    public static async Task<LiveUsers> ConnectAsync(FuzzFixture fixture, LivePlan plan)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(plan);
        var all = new List<LiveConnection>();
        for (var i = 0; i < FuzzCallers.UserCount; i++)
        {
            var user = FuzzCallers.Users[i];
            var web = plan.Webs[i];
            all.Add(new LiveConnection(user, web, plan.MessagePack[i], await LiveClient.ConnectAsync(fixture.Webs[web], user.Id, plan.MessagePack[i])));
            if (user.Role == UserRole.Admin)
            {
                all.Add(new LiveConnection(user, 1 - web, messagePack: false, await LiveClient.ConnectAsync(fixture.Webs[1 - web], user.Id)));
            }
        }

        return new LiveUsers(all);
    }

    /// <summary>A connection of the user at <paramref name="user"/>: their only one, or for the admin either.</summary>
    public LiveConnection Of(int user, int connection)
    {
        var id = FuzzCallers.UserAt(user).Id;
        var mine = _all.Where(c => c.User.Id == id).ToArray();
        return mine[connection % mine.Length];
    }

    /// <summary>The hub's event as the feed shapes it, whatever the protocol.</summary>
    public static CaseStatusUpdate? Read(JsonElement e)
    {
        try
        {
            return e.Deserialize<CaseStatusUpdate>(AnswerChecks.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _all)
        {
            await connection.Client.DisposeAsync();
        }
    }
}
