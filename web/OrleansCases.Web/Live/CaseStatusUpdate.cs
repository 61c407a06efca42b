using MessagePack;
using OrleansCases.Abstractions;
using OrleansCases.Web.Http;

namespace OrleansCases.Web.Live;

/// <summary>
/// The event a browser receives (docs/design.md section 5), the same on the wire in JSON and MessagePack: camelCase keys,
/// enums as their JSON names, times as ISO-8601 UTC strings. The prototype's caseId, status, updatedBy and timestamp
/// keep their names and meaning. <see cref="Cursor"/> resumes /api/feed right after this event. <see cref="EscalationLevel"/>
/// is the case's escalation level after it (docs/design.md section 10): 0 unless it waits escalated in the review queue.
/// </summary>
[MessagePackObject]
public sealed record CaseStatusUpdate(
    [property: Key("caseId")] string CaseId,
    [property: Key("status")] string Status,
    [property: Key("previousStatus")] string? PreviousStatus,
    [property: Key("action")] string Action,
    [property: Key("updatedBy")] string UpdatedBy,
    [property: Key("updatedByName")] string UpdatedByName,
    [property: Key("timestamp")] string Timestamp,
    [property: Key("region")] string Region,
    [property: Key("ownerId")] string OwnerId,
    [property: Key("assigneeId")] string? AssigneeId,
    [property: Key("previousAssigneeId")] string? PreviousAssigneeId,
    [property: Key("priority")] string Priority,
    [property: Key("version")] int Version,
    [property: Key("note")] string? Note,
    [property: Key("seq")] long Seq,
    [property: Key("cursor")] string Cursor,
    [property: Key("escalationLevel")] int EscalationLevel) : FeedItem
{
    public static CaseStatusUpdate From(CaseEvent e, string cursor)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(
            CaseId: e.CaseId,
            Status: WireName.Of(e.Status),
            PreviousStatus: e.PreviousStatus is { } previous ? WireName.Of(previous) : null,
            Action: WireName.Of(e.Action),
            UpdatedBy: e.UpdatedBy,
            UpdatedByName: e.UpdatedByName,
            Timestamp: WireTime.Of(e.Timestamp),
            Region: e.Region,
            OwnerId: e.OwnerId,
            AssigneeId: e.AssigneeId,
            PreviousAssigneeId: e.PreviousAssigneeId,
            Priority: WireName.Of(e.Priority),
            Version: e.Version,
            Note: e.Note,
            Seq: e.Seq,
            Cursor: cursor,
            EscalationLevel: e.EscalationLevel);
    }
}
