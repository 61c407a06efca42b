using Azure.Data.Tables;
using OrleansCases.Abstractions;

namespace OrleansCases.Grains.ReadModel;

/// <summary>The entities of a region's partition, made from and read back into our records.</summary>
public static class RegionRows
{
    public static TableEntity Head(string region, long seq, long floor, DateTimeOffset at) =>
        new(region, RowKeys.Head) { ["Seq"] = seq, ["Floor"] = floor, ["At"] = at };

    /// <summary>A feed row; <paramref name="at"/> is when the region log stored it, which retention counts from.</summary>
    public static TableEntity Feed(string region, CaseEvent e, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(region, RowKeys.Feed(e.Seq))
        {
            ["CaseId"] = e.CaseId,
            ["Version"] = e.Version,
            ["At"] = at,
            ["Event"] = CaseJson.Write(e),
        };
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

    public static TableEntity History(string region, CaseHistoryEntry entry, string caseId, long seq)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(region, RowKeys.History(caseId, entry.Version)) { ["Entry"] = CaseJson.Write(entry), ["Seq"] = seq };
    }

    public static TableEntity Tip(string region, CaseTip tip)
    {
        ArgumentNullException.ThrowIfNull(tip);
        return new(region, RowKeys.Tip(tip.CaseId))
        {
            ["Version"] = tip.Version,
            ["Seq"] = tip.Seq,
            ["Status"] = tip.Status.ToString(),
            ["OwnerId"] = tip.OwnerId,
            ["AssigneeId"] = tip.AssigneeId,
        };
    }

    /// <summary>A list row carries the whole case, so a page needs no further reads; status and priority are
    /// properties of their own so a filter runs in the table service.</summary>
    public static TableEntity ListRow(string region, string rowKey, CaseRecord @case, long seq)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return new(region, rowKey)
        {
            ["Status"] = @case.Status.ToString(),
            ["Priority"] = @case.Priority.ToString(),
            ["Seq"] = seq,
            ["Case"] = CaseJson.Write(@case),
        };
    }

    public static CaseTip ToTip(string caseId, TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(
            caseId,
            row.GetInt32("Version") ?? 0,
            row.GetInt64("Seq") ?? 0,
            Enum.Parse<CaseStatus>(row.GetString("Status")),
            row.GetString("OwnerId"),
            row.GetString("AssigneeId"));
    }
}
