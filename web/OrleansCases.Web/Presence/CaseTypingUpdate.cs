using MessagePack;

namespace OrleansCases.Web.Presence;

/// <summary>caseTyping (docs/design.md section 9): who is typing on a case, to its other watchers; never stored.</summary>
[MessagePackObject]
public sealed record CaseTypingUpdate(
    [property: Key("caseId")] string CaseId,
    [property: Key("userId")] string UserId,
    [property: Key("name")] string Name);
