namespace OrleansCases.Abstractions.Conversation;

/// <summary>
/// A run of a case's thread after a message number, oldest first; <see cref="Count"/> is how many the thread holds,
/// and <see cref="Readers"/> how far each reader has read (read receipts, for "seen by").
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.MessagePage")]
public sealed record MessagePage(
    [property: Id(0)] IReadOnlyList<CaseMessage> Items,
    [property: Id(1)] int Count,
    [property: Id(2)] IReadOnlyList<MessageReader> Readers);
