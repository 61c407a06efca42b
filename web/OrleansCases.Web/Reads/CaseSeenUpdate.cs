using MessagePack;
using OrleansCases.Abstractions.Reads;
using OrleansCases.Web.Http;

namespace OrleansCases.Web.Reads;

/// <summary>caseSeen (docs/design.md section 10): a clinician has opened the owner's case for the first time; to <c>user:{owner}</c>.</summary>
[MessagePackObject]
public sealed record CaseSeenUpdate(
    [property: Key("caseId")] string CaseId,
    [property: Key("userId")] string UserId,
    [property: Key("name")] string Name,
    [property: Key("at")] string At)
{
    public static CaseSeenUpdate From(CaseSeenNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new(notice.CaseId, notice.Seen.UserId, notice.Seen.Name, WireTime.Of(notice.Seen.At));
    }
}
