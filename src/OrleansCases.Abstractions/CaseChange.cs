namespace OrleansCases.Abstractions;

/// <summary>
/// What a case hands to its region log after a transition: the case after it, the history entry that got it there,
/// and the assignee before it. The region log turns it into list rows, a history row and a <see cref="CaseEvent"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseChange")]
public sealed record CaseChange(
    [property: Id(0)] CaseRecord Case,
    [property: Id(1)] CaseHistoryEntry Entry,
    [property: Id(2)] string? PreviousAssigneeId)
{
    /// <summary>The event this change becomes once the region log has given it a sequence number.</summary>
    public CaseEvent ToEvent(long seq) => new(
        Case.Id, Case.Status, Entry.From, Entry.Action, Entry.By, Entry.ByName, Entry.At, Case.Region,
        Case.OwnerId, Case.AssigneeId, PreviousAssigneeId, Case.Priority, Case.Version, Entry.Note, seq);
}
