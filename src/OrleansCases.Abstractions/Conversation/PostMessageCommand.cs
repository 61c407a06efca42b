namespace OrleansCases.Abstractions.Conversation;

/// <summary>A message to post on a case; a repeated <see cref="ClientMessageId"/> from the same author is the same message.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.PostMessageCommand")]
public sealed record PostMessageCommand(
    [property: Id(0)] UserRef Author,
    [property: Id(1)] string Text,
    [property: Id(2)] string ClientMessageId);
