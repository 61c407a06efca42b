using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using OrleansCases.Abstractions;
using OrleansCases.Benchmark.Report;
using OrleansCases.Grains.ReadModel;

namespace OrleansCases.Benchmark.Scenarios;

/// <summary>
/// Azurite's own ceiling for the storage requests a transition makes: one writer per region partition submitting,
/// back to back, the region batch of one change (head with its ETag, feed, history, tip, list rows deleted and added),
/// built by the region log's own <see cref="RegionBatch"/>, on a table of its own in the same Azurite. Also, with a
/// single writer, how long one such batch takes when Azurite has nothing else to do: the storage floor of a command.
/// </summary>
public static class StorageCeiling
{
    public static async Task<StorageCeilingResult> RunAsync(string connectionString, int writers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var alone = await MeasureAsync(connectionString, 1, duration / 2, cancellationToken);
        var result = await MeasureAsync(connectionString, writers, duration, cancellationToken);
        result = result with { SingleBatchMs = Math.Round(alone.Seconds * 1000 / Math.Max(1, alone.Batches), 2) };
        Console.WriteLine($"storage ceiling: {result.BatchesPerSecond} one-change region batches/s with {writers} writers ({result.Failed} failed); one batch alone {result.SingleBatchMs} ms");
        return result;
    }

    private static async Task<StorageCeilingResult> MeasureAsync(string connectionString, int writers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var table = new TableServiceClient(connectionString).GetTableClient("StorageCeiling" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync(cancellationToken);
        long batches = 0;
        long failed = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        stop.CancelAfter(duration);
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => WriteAsync($"ceiling{w}", table, () => Interlocked.Increment(ref batches), () => Interlocked.Increment(ref failed), stop.Token)));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await table.DeleteAsync(CancellationToken.None);
        return new StorageCeilingResult(writers, Math.Round(seconds, 2), batches, failed, 0);
    }

    private static async Task WriteAsync(string region, TableClient table, Action stored, Action failed, CancellationToken cancellationToken)
    {
        ETag? head = null;
        long seq = 0;
        CaseTip? previous = null;
        var at = DateTimeOffset.UtcNow;
        var @case = new CaseRecord("c" + region, region, "P-1", "Benchmark case", CasePriority.Urgent, CaseStatus.ForwardedToClinician, 1, "asha", null, null, at, at);
        while (!cancellationToken.IsCancellationRequested)
        {
            // The load's cycle: claim and release, so list rows move between the queue and the assignee's list.
            var claimed = @case.Status == CaseStatus.ForwardedToClinician;
            var next = @case with
            {
                Version = @case.Version + 1,
                Status = claimed ? CaseStatus.UnderReview : CaseStatus.ForwardedToClinician,
                AssigneeId = claimed ? "clinician" : null,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
            var entry = new CaseHistoryEntry(
                next.Version, claimed ? CaseAction.Claim : CaseAction.Release, @case.Status, next.Status, "clinician", "Clinician",
                next.UpdatedAt, "Fever for three days, checked twice; please advise on the next step.", next.AssigneeId, null);
            var batch = new RegionBatch(region, seq, next.UpdatedAt, FeedPruning.None);
            var change = new CaseChange(next, entry, @case.AssigneeId, Guid.NewGuid().ToString("N"));
            batch.Add(change, previous);
            try
            {
                var response = await table.SubmitTransactionAsync(batch.Build(head), cancellationToken);
                head = response.Value[0].Headers.ETag;
                seq = batch.Head;
                previous = batch.Changes[0].Tip;
                @case = next;
                stored();
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (RequestFailedException)
            {
                failed();
                return;
            }
        }
    }
}
