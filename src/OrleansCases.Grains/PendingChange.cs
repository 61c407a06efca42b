using OrleansCases.Abstractions;

namespace OrleansCases.Grains;

/// <summary>A change waiting in its region log's <see cref="GroupCommit"/>, and the answer its case grain awaits.</summary>
internal sealed class PendingChange(CaseChange change, string? traceParent)
{
    public CaseChange Change { get; } = change;

    /// <summary>The trace of the command that made the change: its event carries it, so the web's send joins it.</summary>
    public string? TraceParent { get; } = traceParent;

    public TaskCompletionSource<CaseAppended> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A change's place in its case: a version, or a message of a version (a message keeps the version).</summary>
    public (string CaseId, int Version, int Messages) Key => (Change.Case.Id, Change.Case.Version, Change.Case.MessageCount);
}
