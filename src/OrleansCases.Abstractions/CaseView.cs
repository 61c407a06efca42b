using OrleansCases.Abstractions.Reads;

namespace OrleansCases.Abstractions;

/// <summary>
/// A case as one caller sees it: its record, its full history and what that caller may do now; when it answers a read,
/// which clinicians have seen it (<see cref="SeenBy"/>, their first reads, oldest first).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseView")]
public sealed record CaseView(
    [property: Id(0)] CaseRecord Case,
    [property: Id(1)] IReadOnlyList<CaseHistoryEntry> History,
    [property: Id(2)] IReadOnlyList<CaseAction> AllowedActions)
{
    [Id(3)]
    public IReadOnlyList<CaseSeen>? SeenBy { get; init; }
}
