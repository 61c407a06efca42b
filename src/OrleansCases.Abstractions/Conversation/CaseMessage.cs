namespace OrleansCases.Abstractions.Conversation;

/// <summary>
/// One message of a case's conversation (docs/design.md section 9). <see cref="Number"/> is the case's gapless message
/// sequence from 1; (<see cref="AuthorId"/>, <see cref="ClientMessageId"/>) is the author's idempotency key.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseMessage")]
public sealed record CaseMessage(
    [property: Id(0)] string CaseId,
    [property: Id(1)] int Number,
    [property: Id(2)] string AuthorId,
    [property: Id(3)] string AuthorName,
    [property: Id(4)] UserRole AuthorRole,
    [property: Id(5)] string Text,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] string ClientMessageId)
{
    /// <summary>The message's id: its case's and its number, so it is the same wherever it is read.</summary>
    public string Id => $"{CaseId}/{Number}";
}
