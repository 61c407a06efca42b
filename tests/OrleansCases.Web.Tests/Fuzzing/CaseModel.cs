using OrleansCases.Abstractions;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>
/// What storage must hold, built only from the 2xx answers the fuzzer got: every case made, each version with the
/// answer that made it and its command, and every region's events in seq order. The fixture's table is its own and
/// the fuzzer is its only writer, so this is all of it: lists, feeds and live events are checked against it exactly.
/// </summary>
public sealed class CaseModel
{
    private readonly List<ModelCase> _cases = [];
    private readonly Dictionary<string, ModelCase> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ModelEvent>> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _commandIds = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> Regions { get; } = ["north", "south"];

    public IReadOnlyList<ModelCase> Cases => _cases;

    /// <summary>Every list nextCursor answered so far, for later requests of any list by anyone.</summary>
    public List<string> ListCursors { get; } = [];

    /// <summary>Every feed cursor answered so far (feedCursor of lists, nextCursor of the feed).</summary>
    public List<string> FeedCursors { get; } = [];

    /// <summary>The step being run, counted across programs: the clock of watches and events.</summary>
    public int Step { get; set; }

    public ModelCase? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>A region's events, oldest first: the one at index i has seq i + 1.</summary>
    public IReadOnlyList<ModelEvent> Events(string region) => _events.TryGetValue(region, out var list) ? list : [];

    public long Head(string region) => Events(region).Count;

    public IEnumerable<ModelEvent> AllEvents => _events.Values.SelectMany(e => e);

    /// <summary>The commandIds a caller sent, in order (for requests that reuse them).</summary>
    public IReadOnlyList<string> CommandIdsOf(string callerId) => _commandIds.TryGetValue(callerId, out var list) ? list : [];

    public IEnumerable<string> CommandIdsOfOthers(string callerId) =>
        _commandIds.Where(p => p.Key != callerId).OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value);

    public void Sent(string callerId, string commandId)
    {
        if (!_commandIds.TryGetValue(callerId, out var list))
        {
            _commandIds[callerId] = list = [];
        }

        list.Add(commandId);
    }

    /// <summary>Records a new case from its 201 answer; the caller has checked the answer first.</summary>
    public ModelCase Created(CaseRecord record, CaseHistoryEntry entry, string answer, string callerId, string? commandId)
    {
        var c = new ModelCase(record.Id, record.Region, record.OwnerId, record);
        _cases.Add(c);
        _byId[c.Id] = c;
        Applied(c, record, entry, answer, callerId, commandId, previousAssigneeId: null);
        return c;
    }

    /// <summary>Records a transition from its 2xx answer: a new version, its event, its command.</summary>
    public void Applied(
        ModelCase c, CaseRecord record, CaseHistoryEntry entry, string answer, string callerId, string? commandId, string? previousAssigneeId)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(entry);
        if (!_events.TryGetValue(c.Region, out var events))
        {
            _events[c.Region] = events = [];
        }

        var e = new ModelEvent(
            c.Id, record.Version, events.Count + 1, c.Region, record.Status, entry.From, entry.Action, entry.By, record.OwnerId,
            record.AssigneeId, previousAssigneeId, record.Priority, entry.Note, entry.At, Step);
        events.Add(e);
        c.Record = record;
        c.History.Add(entry);
        c.Answers[record.Version] = answer;
        c.Seq = e.Seq;
        // A command sent without a commandId got one from the web: never replayable, but it takes a place among
        // the case's remembered commands all the same.
        c.Remember(callerId, commandId ?? "\0generated-by-the-web-" + Guid.NewGuid().ToString("N"), record.Version);
    }
}

/// <summary>One case as storage must hold it.</summary>
public sealed class ModelCase(string id, string region, string ownerId, CaseRecord record)
{
    /// <summary>How many commandIds a case remembers for replays (docs/design.md section 2).</summary>
    public const int RememberedCommands = 256;

    private readonly Queue<(string CallerId, string CommandId, int Version)> _marks = new();

    public string Id { get; } = id;

    public string Region { get; } = region;

    public string OwnerId { get; } = ownerId;

    public CaseRecord Record { get; set; } = record;

    public int Version => Record.Version;

    /// <summary>Entry i is version i + 1, as the 2xx answer that made it showed it.</summary>
    public List<CaseHistoryEntry> History { get; } = [];

    /// <summary>The body of the answer that made each version: a replay must answer exactly that.</summary>
    public Dictionary<int, string> Answers { get; } = [];

    /// <summary>The region seq of the case's latest change (lists order by it, newest first).</summary>
    public long Seq { get; set; }

    /// <summary>The version a replayed (caller, commandId) answers, if the case still remembers it.</summary>
    public int? ReplayOf(string callerId, string? commandId) =>
        commandId is null ? null : _marks.FirstOrDefault(m => m.CallerId == callerId && m.CommandId == commandId) is { CommandId: not null } m ? m.Version : null;

    public void Remember(string callerId, string commandId, int version)
    {
        if (_marks.Count == RememberedCommands)
        {
            _marks.Dequeue();
        }

        _marks.Enqueue((callerId, commandId, version));
    }
}

/// <summary>One change as its event must look, with the step whose command made it.</summary>
public sealed record ModelEvent(
    string CaseId,
    int Version,
    long Seq,
    string Region,
    CaseStatus Status,
    CaseStatus? PreviousStatus,
    CaseAction Action,
    string UpdatedBy,
    string OwnerId,
    string? AssigneeId,
    string? PreviousAssigneeId,
    CasePriority Priority,
    string? Note,
    DateTimeOffset Timestamp,
    int Step);
