using System.Diagnostics;
using Azure.Data.Tables;
using OrleansCases.Benchmark.Load;
using OrleansCases.Benchmark.Report;

namespace OrleansCases.Benchmark.Scenarios;

/// <summary>
/// Azurite on its own, for the storage requests a transition makes (<see cref="RegionWriter"/>), on tables of its own
/// in the same Azurite: the ceiling (one writer per region partition, back to back), one batch alone (the storage
/// floor of a command), and the latency of those batches at the delivery load's own rates (open loop, one change per
/// batch, a partition's batches one after another as the region log must): the storage part of the S1 figures.
/// </summary>
public static class StorageCeiling
{
    private const int Regions = 10;

    public static async Task<StorageCeilingResult> RunAsync(string connectionString, TimeSpan duration, CancellationToken cancellationToken)
    {
        var service = new TableServiceClient(connectionString);
        var alone = await BackToBackAsync(service, 1, duration / 2, cancellationToken);
        var result = await BackToBackAsync(service, Regions, duration, cancellationToken);
        result = result with { SingleBatchMs = Math.Round(alone.Seconds * 1000 / Math.Max(1, alone.Batches), 2) };
        Console.WriteLine($"storage ceiling: {result.BatchesPerSecond} one-change region batches/s with {Regions} writers ({result.Failed} failed); one batch alone {result.SingleBatchMs} ms");
        return result;
    }

    /// <summary>Batch latency (ms, from the due time) at <paramref name="rate"/> one-change batches a second over 10 partitions.</summary>
    public static async Task<StorageLatencyResult> AtRateAsync(string connectionString, double rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var table = await NewTableAsync(new TableServiceClient(connectionString), cancellationToken);
        var writers = Enumerable.Range(0, Regions).Select(r => new RegionWriter($"paced{r}")).ToArray();
        var gates = writers.Select(_ => new SemaphoreSlim(1, 1)).ToArray();
        var latency = new HdrHistogram.LongConcurrentHistogram(1, 120_000_000, 3);
        long failed = 0;
        await OpenLoop.PaceAsync(rate, duration, (i, due) =>
        {
            var r = (int)(i % Regions);
            return Task.Run(async () =>
            {
                await gates[r].WaitAsync(cancellationToken);
                try
                {
                    if (!await writers[r].WriteOneAsync(table, cancellationToken))
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                finally
                {
                    gates[r].Release();
                }

                latency.RecordValue(DeliveryLedger.Microseconds(Stopwatch.GetTimestamp() - due));
            }, cancellationToken);
        }, cancellationToken);
        await table.DeleteAsync(CancellationToken.None);
        foreach (var gate in gates)
        {
            gate.Dispose();
        }

        var result = new StorageLatencyResult(rate, Percentiles.Of(latency), failed);
        Console.WriteLine($"storage alone at {rate}/s: batch p50 {result.Latency.P50} ms, p99 {result.Latency.P99} ms, max {result.Latency.Max} ms ({failed} failed)");
        return result;
    }

    private static async Task<StorageCeilingResult> BackToBackAsync(TableServiceClient service, int writers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var table = await NewTableAsync(service, cancellationToken);
        long batches = 0;
        long failed = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        stop.CancelAfter(duration);
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            var writer = new RegionWriter($"ceiling{w}");
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    Interlocked.Increment(ref await writer.WriteOneAsync(table, stop.Token) ? ref batches : ref failed);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await table.DeleteAsync(CancellationToken.None);
        return new StorageCeilingResult(writers, Math.Round(seconds, 2), batches, failed, 0);
    }

    private static async Task<TableClient> NewTableAsync(TableServiceClient service, CancellationToken cancellationToken)
    {
        var table = service.GetTableClient("StorageCeiling" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync(cancellationToken);
        return table;
    }
}
