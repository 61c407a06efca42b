using System.Text.Json.Serialization;
using OrleansCases.Abstractions.Conversation;

namespace OrleansCases.Abstractions;

/// <summary>
/// One change of one case, as published on the region stream and pushed to browsers (docs/design.md section 5).
/// The prototype's four fields (CaseId, Status, UpdatedBy, Timestamp) keep their names and meaning.
/// <see cref="Seq"/> is the region's gapless sequence number, assigned by the region log. An event with a
/// <see cref="Message"/> is a message of the case's conversation (a feed item of kind message): its other fields tell
/// the case as it stood, unchanged.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseEvent")]
public sealed record CaseEvent(
    [property: Id(0)] string CaseId,
    [property: Id(1)] CaseStatus Status,
    [property: Id(2)] CaseStatus? PreviousStatus,
    [property: Id(3)] CaseAction Action,
    [property: Id(4)] string UpdatedBy,
    [property: Id(5)] string UpdatedByName,
    [property: Id(6)] DateTimeOffset Timestamp,
    [property: Id(7)] string Region,
    [property: Id(8)] string OwnerId,
    [property: Id(9)] string? AssigneeId,
    [property: Id(10)] string? PreviousAssigneeId,
    [property: Id(11)] CasePriority Priority,
    [property: Id(12)] int Version,
    [property: Id(13)] string? Note,
    [property: Id(14)] long Seq)
{
    /// <summary>
    /// The W3C trace of the command that made this change, so that the bridge's send joins it. Travels on the stream
    /// only: never stored in the feed, never sent to browsers.
    /// </summary>
    [Id(15), JsonIgnore]
    public string? TraceParent { get; init; }

    [Id(16)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CaseMessage? Message { get; init; }

    /// <summary>How often the system has escalated the case since it entered the review queue (0: never, or not queued).</summary>
    [Id(17)]
    public int EscalationLevel { get; init; }

    /// <summary>
    /// On an event that takes the case out of the review queue, since when it had waited there (<see cref="CaseChange.WaitedSince"/>).
    /// Kept in the feed for the queue's claim times; browsers are not sent it.
    /// </summary>
    [Id(18)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? WaitedSince { get; init; }
}
