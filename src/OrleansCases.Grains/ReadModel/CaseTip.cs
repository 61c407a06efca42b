using OrleansCases.Abstractions;

namespace OrleansCases.Grains.ReadModel;

/// <summary>
/// The tip of a case in its region's storage: the region log's note of the case's latest stored change: which version it holds (to ignore re-sent changes) and
/// where its list rows are (to delete them when the case changes again). Stored as the case's "c|" row.
/// </summary>
public sealed record CaseTip(string CaseId, int Version, long Seq, CaseStatus Status, string OwnerId, string? AssigneeId)
{
    public static CaseTip Of(CaseRecord @case, long seq)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return new(@case.Id, @case.Version, seq, @case.Status, @case.OwnerId, @case.AssigneeId);
    }
}
