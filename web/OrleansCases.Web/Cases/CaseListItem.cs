using OrleansCases.Abstractions;

namespace OrleansCases.Web.Cases;

/// <summary>
/// A case in a list: as it stands (while queued, since when and at which escalation level), with how many of its
/// conversation's messages the caller has not read.
/// </summary>
public sealed record CaseListItem(
    string Id,
    string Region,
    string PatientRef,
    string Summary,
    CasePriority Priority,
    CaseStatus Status,
    int Version,
    string OwnerId,
    string? AssigneeId,
    string? Facility,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int EscalationLevel,
    DateTimeOffset? WaitingSince,
    int MessageCount,
    int UnreadMessages)
{
    public static CaseListItem From(CaseRecord c, int readUpTo)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.Region, c.PatientRef, c.Summary, c.Priority, c.Status, c.Version, c.OwnerId, c.AssigneeId,
            c.Facility, c.CreatedAt, c.UpdatedAt, c.EscalationLevel, c.WaitingSince, c.MessageCount, Math.Max(0, c.MessageCount - readUpTo));
    }
}
