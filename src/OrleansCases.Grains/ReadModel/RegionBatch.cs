using Azure;
using Azure.Data.Tables;
using OrleansCases.Abstractions;

namespace OrleansCases.Grains.ReadModel;

/// <summary>
/// The rows of several changes of one region, written as one entity-group transaction: for each change its feed
/// row, history row (a message's row, for a message), case tip and list rows (old ones deleted, new ones added: a
/// message moves its case to the top of its lists like a transition), the region head once, and the
/// deletes of feed rows past retention (<paramref name="pruning"/>), so pruning never costs a request of its own.
/// Each case appears at most once per batch, and pruned rows lie far below the new ones, so no two actions touch the
/// same row. <paramref name="at"/> is when the batch is written: feed rows and head carry it, retention counts from it.
/// </summary>
public sealed class RegionBatch(string region, long head, DateTimeOffset at, FeedPruning pruning)
{
    /// <summary>Azure Table's limit of operations in one transaction.</summary>
    public const int MaxActions = 100;

    /// <summary>The most actions one change can need (feed, history, tip, four lists each deleted and added, the patient index).</summary>
    public const int MaxActionsPerChange = 12;

    private readonly List<TableTransactionAction> _actions = [];
    private readonly List<(CaseEvent Event, CaseTip Tip)> _changes = [];
    private readonly HashSet<string> _cases = [];

    public long Head { get; private set; } = head;

    public IReadOnlyList<(CaseEvent Event, CaseTip Tip)> Changes => _changes;

    /// <summary>The retention floor once this batch is stored: the highest seq it leaves pruned.</summary>
    public long Floor => pruning.Floor + pruning.Count(Head, _changes.Count);

    /// <summary>
    /// Whether <paramref name="change"/> can join this batch: its case not in it yet, and room left for its rows, the
    /// head and the deletes the batch owes with one more change (none unless feed rows are due to go).
    /// </summary>
    public bool CanTake(CaseChange change) =>
        _actions.Count + MaxActionsPerChange + 1 + pruning.Count(Head + 1, _changes.Count + 1) <= MaxActions
        && !_cases.Contains(change.Case.Id);

    /// <summary>
    /// Adds a change with the next sequence number; <paramref name="previous"/> is where its case stood,
    /// <paramref name="traceParent"/> the trace of the command that made it.
    /// </summary>
    public CaseEvent Add(CaseChange change, CaseTip? previous, string? traceParent = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        var seq = ++Head;
        var e = change.ToEvent(seq) with { TraceParent = traceParent };
        var tip = CaseTip.Of(change, seq);
        _cases.Add(change.Case.Id);
        _changes.Add((e, tip));

        // Adds, not upserts: a second writer of the same seq or version fails the whole batch instead of overwriting.
        _actions.Add(new(TableTransactionActionType.Add, RegionRows.Feed(region, e, at)));
        _actions.Add(new(TableTransactionActionType.Add, change.Message is { } message
            ? RegionRows.Message(region, message, seq)
            : RegionRows.History(region, change, seq)));
        _actions.Add(new(TableTransactionActionType.UpsertReplace, RegionRows.Tip(region, tip)));
        if (previous is not null)
        {
            foreach (var key in RowKeys.ListRowsOf(previous))
            {
                _actions.Add(new(TableTransactionActionType.Delete, new TableEntity(region, key), ETag.All));
            }
        }

        foreach (var key in RowKeys.ListRowsOf(tip))
        {
            _actions.Add(new(TableTransactionActionType.Add, RegionRows.ListRow(region, key, change.Case, seq)));
        }

        _actions.Add(new(TableTransactionActionType.UpsertReplace, RegionRows.ListRow(region, RowKeys.PatientRow(change.Case), change.Case, seq)));

        return e;
    }

    /// <summary>
    /// The transaction to submit. The head row is guarded by its ETag, so two activations of one region log can never
    /// both commit the same sequence numbers: the loser's batch fails whole and it reloads. The same guard keeps the
    /// floor in the head true to the deletes: a delete of a row that is not there fails the batch whole too, so only
    /// rows after the stored floor, all of which exist, are ever deleted.
    /// </summary>
    public IReadOnlyList<TableTransactionAction> Build(ETag? headETag)
    {
        var floor = Floor;
        var head = RegionRows.Head(region, Head, floor, at);
        var headAction = headETag is { } etag
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, head, etag)
            : new TableTransactionAction(TableTransactionActionType.Add, head);
        var actions = new List<TableTransactionAction>(1 + _actions.Count + (int)(floor - pruning.Floor)) { headAction };
        actions.AddRange(_actions);
        for (var seq = pruning.Floor + 1; seq <= floor; seq++)
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(region, RowKeys.Feed(seq)), ETag.All));
        }

        return actions;
    }
}
