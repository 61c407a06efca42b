namespace OrleansCases.Abstractions;

/// <summary>
/// What a case hands to its region log for a transition: the case after it, the history entry that gets it there, the
/// assignee before it, and the id of the command that made it (its caller is the entry's <c>By</c>). The region log
/// stores it as list rows, a history row and a tip, and publishes it as a <see cref="CaseEvent"/>; the command id is
/// stored so that a repeated command answers as the first time, and so that two writers of one version are told
/// apart.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseChange")]
public sealed record CaseChange(
    [property: Id(0)] CaseRecord Case,
    [property: Id(1)] CaseHistoryEntry Entry,
    [property: Id(2)] string? PreviousAssigneeId,
    [property: Id(3)] string CommandId)
{
    /// <summary>Whether <paramref name="callerId"/>'s command <paramref name="commandId"/> made this change.</summary>
    public bool IsBy(string? callerId, string? commandId) => Entry.By == callerId && CommandId == commandId;

    /// <summary>The event this change becomes once the region log has given it a sequence number.</summary>
    public CaseEvent ToEvent(long seq) => new(
        CaseId: Case.Id,
        Status: Case.Status,
        PreviousStatus: Entry.From,
        Action: Entry.Action,
        UpdatedBy: Entry.By,
        UpdatedByName: Entry.ByName,
        Timestamp: Entry.At,
        Region: Case.Region,
        OwnerId: Case.OwnerId,
        AssigneeId: Case.AssigneeId,
        PreviousAssigneeId: PreviousAssigneeId,
        Priority: Case.Priority,
        Version: Case.Version,
        Note: Entry.Note,
        Seq: seq);
}
