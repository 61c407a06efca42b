using OrleansCases.Abstractions;

namespace OrleansCases.Grains.ReadModel;

/// <summary>
/// The tip of a case in its region's storage, its "c|" row: the case as its latest stored change left it (the case
/// grain loads it from here), where its list rows are (the region log deletes them on the next change), and which
/// command made that change (a re-sent change is recognised, a rival one refused).
/// </summary>
public sealed record CaseTip(CaseRecord Case, long Seq, string CallerId, string? CommandId)
{
    public string CaseId => Case.Id;

    public int Version => Case.Version;

    public int MessageCount => Case.MessageCount;

    /// <summary>Whether <paramref name="change"/> is the case's next change: its next version, or its next message.</summary>
    public static bool Precedes(CaseTip? tip, CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (version, messages) = (tip?.Version ?? 0, tip?.MessageCount ?? 0);
        return change.Message is null
            ? change.Case.Version == version + 1 && change.Case.MessageCount == messages
            : change.Case.Version == version && change.Case.MessageCount == messages + 1;
    }

    /// <summary>Whether <paramref name="change"/> is at or before this tip: stored already, or decided on a stale case.</summary>
    public bool IsAtOrBefore(CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Message is null ? change.Case.Version <= Version : change.Case.MessageCount <= MessageCount;
    }

    public static CaseTip Of(CaseChange change, long seq)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new(change.Case, seq, CallerId: change.By, CommandId: change.CommandId);
    }

    /// <summary>Whether <paramref name="change"/> is the very change this tip holds (sent again, not decided again).</summary>
    public bool Holds(CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Case.Version == Version && change.Case.MessageCount == MessageCount && change.IsBy(CallerId, CommandId);
    }
}
