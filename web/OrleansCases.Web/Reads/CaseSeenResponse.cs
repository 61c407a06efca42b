using MessagePack;
using OrleansCases.Abstractions.Reads;
using OrleansCases.Web.Http;

namespace OrleansCases.Web.Reads;

/// <summary>One clinician's first read of a case, in the case's <c>seenBy</c> (docs/design.md section 10).</summary>
[MessagePackObject]
public sealed record CaseSeenResponse(
    [property: Key("id")] string Id,
    [property: Key("name")] string Name,
    [property: Key("at")] string At)
{
    public static CaseSeenResponse From(CaseSeen seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        return new(seen.UserId, seen.Name, WireTime.Of(seen.At));
    }
}
