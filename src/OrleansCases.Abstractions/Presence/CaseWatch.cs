namespace OrleansCases.Abstractions.Presence;

/// <summary>A user who has a case open (WatchCase) on some web instance.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseWatch")]
public sealed record CaseWatch(
    [property: Id(0)] string CaseId,
    [property: Id(1)] UserRef User);
