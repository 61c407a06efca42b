namespace OrleansCases.Grains;

/// <summary>
/// The one thing a case grain stores itself: the region whose partition holds the case. A case's id does not say
/// where it lives, and everything else about it (its state, history, the commands it applied) is in that partition,
/// written by the region log in the same batch as its lists and feed. Written once, when the case is opened.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseHome")]
public sealed record CaseHome
{
    [Id(0)]
    public string? Region { get; init; }
}
