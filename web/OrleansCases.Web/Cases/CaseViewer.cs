using MessagePack;
using OrleansCases.Abstractions;

namespace OrleansCases.Web.Cases;

/// <summary>One viewer of a case, in caseViewers and in the case's answer.</summary>
[MessagePackObject]
public sealed record CaseViewer(
    [property: Key("id")] string Id,
    [property: Key("name")] string Name,
    [property: Key("role")] string Role)
{
    public static CaseViewer From(UserRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Id, user.Name, WireName.Of(user.Role));
    }
}
