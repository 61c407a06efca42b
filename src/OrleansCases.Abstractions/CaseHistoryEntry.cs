using System.Text.Json.Serialization;

namespace OrleansCases.Abstractions;

/// <summary>
/// One transition of a case. Besides the fields of docs/design.md section 2 it records the assignee and facility after
/// the transition, so the case as it stood at any version can be rebuilt from its history (idempotent replays).
/// An escalation's entry carries its <see cref="Level"/> (1, 2, …).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseHistoryEntry")]
public sealed record CaseHistoryEntry(
    [property: Id(0)] int Version,
    [property: Id(1)] CaseAction Action,
    [property: Id(2)] CaseStatus? From,
    [property: Id(3)] CaseStatus To,
    [property: Id(4)] string By,
    [property: Id(5)] string ByName,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] string? Note,
    [property: Id(8)] string? AssigneeId,
    [property: Id(9)] string? Facility,
    [property: Id(10), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Level = null);
