using Azure;
using Azure.Data.Tables;
using OrleansCases.Abstractions;
using OrleansCases.Grains.ReadModel;

namespace OrleansCases.Benchmark.Scenarios;

/// <summary>
/// Writes the region batches of one case's transitions into one partition, as the region log would with one change
/// per batch: built by the log's own <see cref="RegionBatch"/> (head with its ETag, feed, history, tip, list rows
/// deleted and added), a case claimed and released in turn so its list rows move between the queue and an assignee.
/// </summary>
public sealed class RegionWriter(string region)
{
    private ETag? _head;
    private long _seq;
    private CaseTip? _previous;
    private CaseRecord _case = new(
        "c" + region, region, "P-1", Load.LoadCase.Summary, CasePriority.Urgent, CaseStatus.ForwardedToClinician, 1, "asha", null, null,
        DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

    /// <summary>Submits the next batch; false when storage refused it.</summary>
    public async Task<bool> WriteOneAsync(TableClient table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var claim = _case.Status == CaseStatus.ForwardedToClinician;
        var now = DateTimeOffset.UtcNow;
        var next = _case with
        {
            Version = _case.Version + 1,
            Status = claim ? CaseStatus.UnderReview : CaseStatus.ForwardedToClinician,
            AssigneeId = claim ? "clinician" : null,
            UpdatedAt = now,
        };
        var entry = new CaseHistoryEntry(
            Version: next.Version,
            Action: claim ? CaseAction.Claim : CaseAction.Release,
            From: _case.Status,
            To: next.Status,
            By: "clinician",
            ByName: "Clinician",
            At: now,
            Note: Load.LoadCase.Note,
            AssigneeId: next.AssigneeId,
            Facility: null);
        var batch = new RegionBatch(region, _seq, now, FeedPruning.None);
        batch.Add(new CaseChange(next, entry, PreviousAssigneeId: _case.AssigneeId, CommandId: Guid.NewGuid().ToString("N")), _previous);
        try
        {
            var response = await table.SubmitTransactionAsync(batch.Build(_head), cancellationToken);
            (_head, _seq, _previous, _case) = (response.Value[0].Headers.ETag, batch.Head, batch.Changes[0].Tip, next);
            return true;
        }
        catch (RequestFailedException)
        {
            return false;
        }
    }
}
