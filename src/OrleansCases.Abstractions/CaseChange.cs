using OrleansCases.Abstractions.Conversation;

namespace OrleansCases.Abstractions;

/// <summary>
/// What a case hands to its region log for a transition: the case after it, the history entry that gets it there, the
/// assignee before it, and the id of the command that made it (its caller is the entry's <c>By</c>). The region log
/// stores it as list rows, a history row and a tip, and publishes it as a <see cref="CaseEvent"/>; the command id is
/// stored so that a repeated command answers as the first time, and so that two writers of one version are told
/// apart.
/// A change may instead be a message of the case's conversation (<see cref="Message"/>): then the case keeps its version
/// and gains a message, <see cref="Entry"/> is the case's latest entry (not stored again), and the command id is the
/// message's clientMessageId.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseChange")]
public sealed record CaseChange(
    [property: Id(0)] CaseRecord Case,
    [property: Id(1)] CaseHistoryEntry Entry,
    [property: Id(2)] string? PreviousAssigneeId,
    [property: Id(3)] string CommandId)
{
    [Id(4)]
    public CaseMessage? Message { get; init; }

    /// <summary>
    /// On a transition that takes the case out of the review queue, since when it had waited there: what the queue's
    /// claim times are counted from, stored with the change's feed row so that no other row is needed.
    /// </summary>
    [Id(5)]
    public DateTimeOffset? WaitedSince { get; init; }

    /// <summary>A message posted on <paramref name="case"/> as it stands after <paramref name="latest"/>.</summary>
    public static CaseChange Posted(CaseRecord @case, CaseHistoryEntry latest, CaseMessage message)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(message);
        return new(@case with { MessageCount = message.Number }, latest, @case.AssigneeId, message.ClientMessageId) { Message = message };
    }

    /// <summary>The user who made this change: the transition's actor, or the message's author.</summary>
    public string By => Message?.AuthorId ?? Entry.By;

    /// <summary>Whether <paramref name="callerId"/>'s command <paramref name="commandId"/> made this change.</summary>
    public bool IsBy(string? callerId, string? commandId) => By == callerId && CommandId == commandId;

    /// <summary>
    /// The event this change becomes once the region log has given it a sequence number. A message's event tells the
    /// case as it stands (status, version, owner and assignee: who receives it) and the message; it changes nothing.
    /// </summary>
    public CaseEvent ToEvent(long seq) => Message is { } m
        ? new(
            CaseId: Case.Id,
            Status: Case.Status,
            PreviousStatus: Case.Status,
            Action: Entry.Action,
            UpdatedBy: m.AuthorId,
            UpdatedByName: m.AuthorName,
            Timestamp: m.At,
            Region: Case.Region,
            OwnerId: Case.OwnerId,
            AssigneeId: Case.AssigneeId,
            PreviousAssigneeId: null,
            Priority: Case.Priority,
            Version: Case.Version,
            Note: null,
            Seq: seq) { Message = m, EscalationLevel = Case.EscalationLevel }
        : new(
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
            Seq: seq) { EscalationLevel = Case.EscalationLevel, WaitedSince = WaitedSince };
}
