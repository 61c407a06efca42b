using MessagePack;

namespace OrleansCases.Web.Conversation;

/// <summary>caseMessagesRead (docs/design.md section 9): a reader of a case's thread has read it up to <see cref="UpTo"/>, to its watchers.</summary>
[MessagePackObject]
public sealed record CaseMessagesReadUpdate(
    [property: Key("caseId")] string CaseId,
    [property: Key("userId")] string UserId,
    [property: Key("upTo")] int UpTo);
