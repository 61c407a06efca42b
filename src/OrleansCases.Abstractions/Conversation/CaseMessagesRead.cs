namespace OrleansCases.Abstractions.Conversation;

/// <summary>A read receipt as it goes to a case's watchers: <see cref="UserId"/> has read its thread up to <see cref="UpTo"/>.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCases.CaseMessagesRead")]
public sealed record CaseMessagesRead(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string UserId,
    [property: Id(2)] int UpTo);
