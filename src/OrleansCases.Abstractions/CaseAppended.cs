namespace OrleansCases.Abstractions;

/// <summary>
/// The region log's answer to a change: stored (or already stored) at <see cref="Seq"/>, or <see cref="Stale"/>: the
/// case's storage holds something else at that version, so the change was decided on an outdated state.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseAppended")]
public sealed record CaseAppended([property: Id(0)] long Seq, [property: Id(1)] bool Stale = false)
{
    public static CaseAppended Refused { get; } = new(0, Stale: true);
}
