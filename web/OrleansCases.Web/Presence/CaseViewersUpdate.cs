using MessagePack;
using OrleansCases.Web.Cases;

namespace OrleansCases.Web.Presence;

/// <summary>caseViewers (docs/design.md section 9): everyone who has the case open now, to its watchers.</summary>
[MessagePackObject]
public sealed record CaseViewersUpdate(
    [property: Key("caseId")] string CaseId,
    [property: Key("viewers")] IReadOnlyList<CaseViewer> Viewers);
