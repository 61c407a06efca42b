namespace OrleansCases.Abstractions.Lifecycle;

/// <summary>
/// What the lifecycle decided about a command. When <see cref="Outcome"/> is Ok, <see cref="Next"/> and
/// <see cref="Entry"/> hold the case after the transition and the history entry that records it.
/// </summary>
public sealed record Decision(
    CaseCommandOutcome Outcome,
    CaseRecord? Next = null,
    CaseHistoryEntry? Entry = null,
    IReadOnlyList<CaseAction>? AllowedActions = null,
    IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static Decision NotFound { get; } = new(CaseCommandOutcome.NotFound);

    public static Decision Forbidden { get; } = new(CaseCommandOutcome.Forbidden);

    public static Decision HistoryFull { get; } = new(CaseCommandOutcome.HistoryFull);
}
