namespace OrleansCases.Abstractions.Reads;

/// <summary>A clinician has seen a case for the first time; it goes to the case's owner (caseSeen) through the presence grains.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseSeenNotice")]
public sealed record CaseSeenNotice(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string OwnerId,
    [property: Id(2)] CaseSeen Seen);
