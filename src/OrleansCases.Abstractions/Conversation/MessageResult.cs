namespace OrleansCases.Abstractions.Conversation;

/// <summary>The answer to a message command: the message when it was stored (or had been), or why not.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.MessageResult")]
public sealed record MessageResult(
    [property: Id(0)] MessageOutcome Outcome,
    [property: Id(1)] CaseMessage? Message = null,
    [property: Id(2)] IReadOnlyDictionary<string, string[]>? Errors = null,
    [property: Id(3)] bool Replayed = false)
{
    public static MessageResult NotFound { get; } = new(MessageOutcome.NotFound);

    public static MessageResult Invalid(string field, string error) =>
        new(MessageOutcome.Invalid, Errors: new Dictionary<string, string[]> { [field] = [error] });
}
