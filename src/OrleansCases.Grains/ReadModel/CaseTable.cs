using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Conversation;
using OrleansCases.Abstractions.Reads;

namespace OrleansCases.Grains.ReadModel;

/// <summary>
/// The read model's table: one partition per region holding its head, feed, history, case tips and lists.
/// Only the region log writes it, but for read receipts (a case's own, upserted by its grain); queries and case
/// activations read it.
/// </summary>
public sealed class CaseTable
{
    private readonly TableClient _table;
    private Task? _created;

    public CaseTable(TableServiceClient service, IOptions<ReadModelOptions> options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        _table = service.GetTableClient(options.Value.TableName);
    }

    /// <summary>The region's head: last sequence number, retention floor, last write time and ETag.</summary>
    public async Task<RegionHead> ReadHeadAsync(string region)
    {
        var row = await GetAsync(region, RowKeys.Head);
        return row is null ? RegionHead.Empty : RegionRows.ToHead(row);
    }

    /// <summary>
    /// When the region log stored the feed rows after <paramref name="afterSeq"/>: at most <paramref name="max"/>
    /// of them, oldest first, keys and times only.
    /// </summary>
    public async Task<IReadOnlyList<(long Seq, DateTimeOffset At)>> ReadFeedTimesAsync(string region, long afterSeq, int max)
    {
        var times = new List<(long, DateTimeOffset)>(max);
        await foreach (var row in RangeAsync(region, RowKeys.FeedPrefix, RowKeys.Feed(afterSeq), null, ["RowKey", "Timestamp", "At"], max))
        {
            times.Add((RowKeys.FeedSeq(row.RowKey), RegionRows.StoredAt(row)));
            if (times.Count == max)
            {
                break;
            }
        }

        return times;
    }

    public async Task<CaseTip?> ReadTipAsync(string region, string caseId)
    {
        var row = await GetAsync(region, RowKeys.Tip(caseId));
        return row is null ? null : RegionRows.ToTip(row);
    }

    /// <summary>A stored version of a case: its seq and the command that made it; null if that version is not stored.</summary>
    public async Task<(long Seq, string CallerId, string? CommandId)?> ReadVersionAsync(string region, string caseId, int version)
    {
        var row = await GetAsync(region, RowKeys.History(caseId, version));
        if (row is null)
        {
            return null;
        }

        var (entry, seq, commandId) = RegionRows.ToHistory(row);
        return (seq, entry.By, commandId);
    }

    /// <summary>
    /// A case as its region stores it: its tip and its history, oldest first, read side by side; null when the
    /// region holds no such case.
    /// </summary>
    public async Task<StoredCase?> ReadCaseAsync(string region, string caseId)
    {
        var tip = ReadTipAsync(region, caseId);
        var history = new List<(CaseHistoryEntry Entry, long Seq, string? CommandId)>();
        await foreach (var row in RangeAsync(region, RowKeys.HistoryPrefix(caseId), after: null, filter: null, select: ["Entry", "Seq", "CommandId"]))
        {
            history.Add(RegionRows.ToHistory(row));
        }

        return await tip is { } stored ? new StoredCase(stored, history) : null;
    }

    /// <summary>A stored message of a case and the seq it was stored at; null if the thread has no such number.</summary>
    public async Task<(CaseMessage Message, long Seq)?> ReadMessageAsync(string region, string caseId, int number)
    {
        var row = await GetAsync(region, RowKeys.Message(caseId, number));
        return row is null ? null : RegionRows.ToMessage(row);
    }

    /// <summary>A case's thread, oldest first, and its read receipts, read side by side.</summary>
    public async Task<(IReadOnlyList<CaseMessage> Messages, IReadOnlyList<MessageReader> Readers)> ReadThreadAsync(string region, string caseId)
    {
        var readers = ReadReadersAsync(region, caseId);
        var messages = new List<CaseMessage>();
        await foreach (var row in RangeAsync(region, RowKeys.MessagePrefix(caseId), after: null, filter: null, select: ["Message", "Seq"]))
        {
            messages.Add(RegionRows.ToMessage(row).Message);
        }

        return (messages, await readers);
    }

    /// <summary>Stores how far a reader has read a case's thread; the case grain never moves it back.</summary>
    public async Task WriteReaderAsync(string region, string caseId, MessageReader reader)
    {
        await EnsureCreatedAsync();
        await _table.UpsertEntityAsync(RegionRows.Reader(region, caseId, reader), TableUpdateMode.Replace);
    }

    /// <summary>The clinicians who have seen a case, oldest first.</summary>
    public async Task<IReadOnlyList<CaseSeen>> ReadSeenAsync(string region, string caseId)
    {
        var seen = new List<CaseSeen>();
        await foreach (var row in RangeAsync(region, RowKeys.SeenPrefix(caseId), after: null, filter: null, select: ["Seen"]))
        {
            seen.Add(RegionRows.ToSeen(row));
        }

        return [.. seen.OrderBy(s => s.At)];
    }

    /// <summary>Adds a clinician's first read of a case; false when a row for them was there already (never replaced).</summary>
    public async Task<bool> AddSeenAsync(string region, string caseId, CaseSeen seen)
    {
        await EnsureCreatedAsync();
        try
        {
            await _table.AddEntityAsync(RegionRows.Seen(region, caseId, seen));
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Adds one read to a case's read audit.</summary>
    public async Task AddAuditReadAsync(string region, string caseId, CaseRead read)
    {
        await EnsureCreatedAsync();
        await _table.AddEntityAsync(RegionRows.AuditRead(region, caseId, read));
    }

    /// <summary>At most <paramref name="limit"/> reads of a case's read audit, newest first, after the row key <paramref name="after"/>; with their row keys.</summary>
    public async Task<(IReadOnlyList<CaseRead> Reads, IReadOnlyList<string> Keys)> ReadAuditAsync(string region, string caseId, string? after, int limit)
    {
        var reads = new List<CaseRead>(limit);
        var keys = new List<string>(limit);
        await foreach (var row in RangeAsync(region, RowKeys.AuditPrefix(caseId), after, filter: null, select: ["RowKey", "Read"], pageSize: limit))
        {
            reads.Add(RegionRows.ToAuditRead(row));
            keys.Add(row.RowKey);
            if (reads.Count == limit)
            {
                break;
            }
        }

        return (reads, keys);
    }

    /// <summary>
    /// Deletes the read audit rows of a region older than <paramref name="cutoff"/>, at most <paramref name="max"/>;
    /// answers how many. One partition, in transactions of 100.
    /// </summary>
    public async Task<int> PruneAuditAsync(string region, DateTimeOffset cutoff, int max)
    {
        var old = new List<TableTransactionAction>();
        await foreach (var row in RangeAsync(region, RowKeys.AuditRowsPrefix, after: null, filter: TableClient.CreateQueryFilter($"At lt {cutoff}"), select: ["PartitionKey", "RowKey"]))
        {
            old.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
            if (old.Count == max)
            {
                break;
            }
        }

        foreach (var chunk in old.Chunk(100))
        {
            await _table.SubmitTransactionAsync(chunk);
        }

        return old.Count;
    }

    /// <summary>
    /// The claims and escalations of a region with a seq in (<paramref name="afterSeq"/>, <paramref name="upToSeq"/>]
    /// stored at or after <paramref name="since"/>, oldest first. The table filters on the rows' own properties, so only
    /// those events travel; the rows of every other event are skipped where they lie.
    /// </summary>
    public async IAsyncEnumerable<CaseEvent> ReadQueueEventsAsync(string region, long afterSeq, long upToSeq, DateTimeOffset since)
    {
        // Property names cannot be parameters of a query filter; these are constants of ours, not input.
        var filter = TableClient.CreateQueryFilter($"RowKey le {RowKeys.Feed(upToSeq)} and At ge {since}")
            + $" and ({RegionRows.FeedAction} eq '{nameof(CaseAction.Claim)}' or {RegionRows.FeedAction} eq '{nameof(CaseAction.Escalate)}')";
        await foreach (var row in RangeAsync(region, RowKeys.FeedPrefix, RowKeys.Feed(afterSeq), filter, ["Event"], pageSize: 1000))
        {
            yield return CaseJson.Read<CaseEvent>(row.GetString("Event"));
        }
    }

    /// <summary>The cases of a region that wait in its review queue (its queue list), in no particular order.</summary>
    public async Task<IReadOnlyList<CaseRecord>> ReadQueueAsync(string region)
    {
        var queued = new List<CaseRecord>();
        await foreach (var row in RangeAsync(region, RowKeys.ListPrefix(CaseListView.Queue, null), after: null, filter: null, select: ["Case"], pageSize: 1000))
        {
            queued.Add(CaseJson.Read<CaseRecord>(row.GetString("Case")));
        }

        return queued;
    }

    private async Task<IReadOnlyList<MessageReader>> ReadReadersAsync(string region, string caseId)
    {
        var readers = new List<MessageReader>();
        await foreach (var row in RangeAsync(region, RowKeys.ReaderPrefix(caseId), after: null, filter: null, select: ["Reader"]))
        {
            readers.Add(RegionRows.ToReader(row));
        }

        return readers;
    }

    /// <summary>Commits one region batch atomically; all its rows share the region's partition.</summary>
    public async Task<Response<IReadOnlyList<Response>>> SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync();
        return await _table.SubmitTransactionAsync(actions, cancellationToken);
    }

    /// <summary>
    /// Rows of <paramref name="region"/> whose keys start with <paramref name="prefix"/>, in key order, strictly after
    /// <paramref name="after"/> when given, with an optional extra OData filter on properties.
    /// </summary>
    public async IAsyncEnumerable<TableEntity> RangeAsync(
        string region, string prefix, string? after, string? filter, IEnumerable<string>? select = null, int pageSize = 200)
    {
        await EnsureCreatedAsync();
        var lower = after is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {region} and RowKey ge {prefix}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {region} and RowKey gt {after}");
        var query = $"{lower} and {TableClient.CreateQueryFilter($"RowKey lt {RowKeys.UpperBound(prefix)}")}";
        if (filter is not null)
        {
            query = $"{query} and {filter}";
        }

        await foreach (var row in _table.QueryAsync<TableEntity>(query, pageSize, select))
        {
            yield return row;
        }
    }

    /// <summary>Creates the table once per process; a failed attempt is not remembered, so an outage heals.</summary>
    private async Task EnsureCreatedAsync()
    {
        var created = _created ??= _table.CreateIfNotExistsAsync();
        try
        {
            await created;
        }
        catch
        {
            _ = Interlocked.CompareExchange(ref _created, null, created);
            throw;
        }
    }

    private async Task<TableEntity?> GetAsync(string region, string rowKey)
    {
        await EnsureCreatedAsync();
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(region, rowKey);
        return response.HasValue ? response.Value : null;
    }
}
