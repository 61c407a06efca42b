namespace OrleansCases.Abstractions.Reads;

/// <summary>
/// A page of a case's read audit, newest first, and the cursor of the next (null at the end); or why there is none.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.ReadAuditPage")]
public sealed record ReadAuditPage(
    [property: Id(0)] ReadAuditOutcome Outcome,
    [property: Id(1)] IReadOnlyList<CaseRead> Items,
    [property: Id(2)] string? NextCursor)
{
    public static ReadAuditPage NotFound { get; } = new(ReadAuditOutcome.NotFound, [], null);

    public static ReadAuditPage Forbidden { get; } = new(ReadAuditOutcome.Forbidden, [], null);
}
