using Azure.Data.Tables;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Conversation;
using OrleansCases.Abstractions.Reads;

namespace OrleansCases.Grains.ReadModel;

/// <summary>The entities of a region's partition, made from and read back into our records.</summary>
public static class RegionRows
{
    /// <summary>The property of a status change's feed row that holds its action, by its C# name.</summary>
    public const string FeedAction = "Action";

    public static TableEntity Head(string region, long seq, long floor, DateTimeOffset at) =>
        new(region, RowKeys.Head) { ["Seq"] = seq, ["Floor"] = floor, ["At"] = at };

    /// <summary>
    /// A feed row; <paramref name="at"/> is when the region log stored it, which retention counts from. A status change's
    /// action is a property of its own (<see cref="FeedAction"/>; a message's row has none), so that the queue summary
    /// asks the table for claims and escalations only.
    /// </summary>
    public static TableEntity Feed(string region, CaseEvent e, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(e);
        var row = new TableEntity(region, RowKeys.Feed(e.Seq))
        {
            ["CaseId"] = e.CaseId,
            ["Version"] = e.Version,
            ["At"] = at,
            ["Event"] = CaseJson.Write(e),
        };
        if (e.Message is null)
        {
            row[FeedAction] = e.Action.ToString();
        }

        return row;
    }

    public static RegionHead ToHead(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.GetInt64("Seq") ?? 0, row.GetInt64("Floor") ?? 0, StoredAt(row), row.ETag);
    }

    /// <summary>When the region log stored a head or feed row: its own time, or the table's for a row without one.</summary>
    public static DateTimeOffset StoredAt(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.GetDateTimeOffset("At") ?? row.Timestamp ?? DateTimeOffset.MaxValue;
    }

    /// <summary>A history row: the entry, the seq it was stored at, and the id of the command that made it.</summary>
    public static TableEntity History(string region, CaseChange change, long seq)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new(region, RowKeys.History(change.Case.Id, change.Entry.Version))
        {
            ["Entry"] = CaseJson.Write(change.Entry),
            ["Seq"] = seq,
            ["CommandId"] = change.CommandId,
        };
    }

    /// <summary>A message row: the message, and the seq it was stored at (a replay answers it).</summary>
    public static TableEntity Message(string region, CaseMessage message, long seq)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(region, RowKeys.Message(message.CaseId, message.Number))
        {
            ["Message"] = CaseJson.Write(message),
            ["Seq"] = seq,
        };
    }

    public static (CaseMessage Message, long Seq) ToMessage(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return (CaseJson.Read<CaseMessage>(row.GetString("Message")), row.GetInt64("Seq") ?? 0);
    }

    public static TableEntity Reader(string region, string caseId, MessageReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new(region, RowKeys.Reader(caseId, reader.UserId)) { ["Reader"] = CaseJson.Write(reader) };
    }

    public static MessageReader ToReader(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return CaseJson.Read<MessageReader>(row.GetString("Reader"));
    }

    /// <summary>The tip row carries the whole case, so a case grain loads from it and its history alone.</summary>
    public static TableEntity Seen(string region, string caseId, CaseSeen seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        return new(region, RowKeys.Seen(caseId, seen.UserId)) { ["Seen"] = CaseJson.Write(seen) };
    }

    public static CaseSeen ToSeen(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return CaseJson.Read<CaseSeen>(row.GetString("Seen"));
    }

    /// <summary>A read audit row; <c>At</c> is a property of its own so that the retention sweep can filter on it.</summary>
    public static TableEntity AuditRead(string region, string caseId, CaseRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new(region, RowKeys.AuditRead(caseId, read.At)) { ["Read"] = CaseJson.Write(read), ["At"] = read.At };
    }

    public static CaseRead ToAuditRead(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return CaseJson.Read<CaseRead>(row.GetString("Read"));
    }

    public static TableEntity Tip(string region, CaseTip tip)
    {
        ArgumentNullException.ThrowIfNull(tip);
        return new(region, RowKeys.Tip(tip.CaseId))
        {
            ["Version"] = tip.Version,
            ["Seq"] = tip.Seq,
            ["Case"] = CaseJson.Write(tip.Case),
            ["CallerId"] = tip.CallerId,
            ["CommandId"] = tip.CommandId,
        };
    }

    /// <summary>A list row carries the whole case, so a page needs no further reads; status, priority and owner are
    /// properties of their own so a filter runs in the table service (the owner for an asha's patient search).</summary>
    public static TableEntity ListRow(string region, string rowKey, CaseRecord @case, long seq)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return new(region, rowKey)
        {
            ["Status"] = @case.Status.ToString(),
            ["Priority"] = @case.Priority.ToString(),
            ["OwnerId"] = @case.OwnerId,
            ["Seq"] = seq,
            ["Case"] = CaseJson.Write(@case),
        };
    }

    public static CaseTip ToTip(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(CaseJson.Read<CaseRecord>(row.GetString("Case")), row.GetInt64("Seq") ?? 0, row.GetString("CallerId"), row.GetString("CommandId"));
    }

    /// <summary>A history row's entry and the command that made it.</summary>
    public static (CaseHistoryEntry Entry, long Seq, string? CommandId) ToHistory(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return (CaseJson.Read<CaseHistoryEntry>(row.GetString("Entry")), row.GetInt64("Seq") ?? 0, row.GetString("CommandId"));
    }
}
