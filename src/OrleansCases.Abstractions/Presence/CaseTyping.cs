namespace OrleansCases.Abstractions.Presence;

/// <summary>
/// A user typing on a case (docs/design.md section 9): ephemeral, never stored. <see cref="Connection"/> is the
/// connection it came from, which alone of the case's watchers is not told.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseTyping")]
public sealed record CaseTyping(
    [property: Id(0)] string CaseId,
    [property: Id(1)] UserRef User,
    [property: Id(2)] string Connection);
