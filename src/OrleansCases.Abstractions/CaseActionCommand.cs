namespace OrleansCases.Abstractions;

/// <summary>
/// A transition requested by <see cref="Actor"/>. <see cref="AssignTo"/> is resolved by the caller from the user
/// directory; the lifecycle still checks that it names a clinician of the case's region.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseActionCommand")]
public sealed record CaseActionCommand(
    [property: Id(0)] string CommandId,
    [property: Id(1)] UserRef Actor,
    [property: Id(2)] CaseAction Action,
    [property: Id(3)] string? Note = null,
    [property: Id(4)] string? Reason = null,
    [property: Id(5)] UserRef? AssignTo = null,
    [property: Id(6)] string? Facility = null,
    [property: Id(7)] int? ExpectedVersion = null);
