namespace OrleansCases.Abstractions;

/// <summary>
/// A case as it stands after its latest change, without its history: a transition (a new <see cref="Version"/>) or a
/// message of its conversation (<see cref="MessageCount"/> grows, the version stays: a message changes no status).
/// While it waits in the review queue (ForwardedToClinician), <see cref="WaitingSince"/> says since when, and
/// <see cref="EscalationLevel"/> how often the system has escalated it since (docs/design.md section 10).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseRecord")]
public sealed record CaseRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string Region,
    [property: Id(2)] string PatientRef,
    [property: Id(3)] string Summary,
    [property: Id(4)] CasePriority Priority,
    [property: Id(5)] CaseStatus Status,
    [property: Id(6)] int Version,
    [property: Id(7)] string OwnerId,
    [property: Id(8)] string? AssigneeId,
    [property: Id(9)] string? Facility,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset UpdatedAt,
    [property: Id(12)] int MessageCount = 0,
    [property: Id(13)] int EscalationLevel = 0,
    [property: Id(14)] DateTimeOffset? WaitingSince = null);
