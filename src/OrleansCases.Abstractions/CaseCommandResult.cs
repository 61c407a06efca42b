namespace OrleansCases.Abstractions;

/// <summary>
/// The answer to a command: the case as the caller sees it after the command when it succeeded, or what the web
/// needs to explain the refusal. Expected refusals are results, not exceptions, so they cost no stack trace.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseCommandResult")]
public sealed record CaseCommandResult(
    [property: Id(0)] CaseCommandOutcome Outcome,
    [property: Id(1)] CaseView? View = null,
    [property: Id(2)] int? CurrentVersion = null,
    [property: Id(3)] CaseStatus? CurrentStatus = null,
    [property: Id(4)] IReadOnlyList<CaseAction>? AllowedActions = null,
    [property: Id(5)] IReadOnlyDictionary<string, string[]>? Errors = null,
    [property: Id(6)] bool Replayed = false)
{
    public bool Succeeded => Outcome == CaseCommandOutcome.Ok;

    public static CaseCommandResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(CaseCommandOutcome.Invalid, Errors: errors);

    public static CaseCommandResult NotFound { get; } = new(CaseCommandOutcome.NotFound);

    public static CaseCommandResult Forbidden { get; } = new(CaseCommandOutcome.Forbidden);
}
