namespace OrleansCases.Benchmark.Report;

/// <summary>
/// Azurite on its own: the region batches OrleansCases writes for transitions (one change each, the shape of
/// <c>RegionBatch</c>), sent straight from this process as fast as <see cref="Writers"/> region writers can; and
/// <see cref="SingleBatchMs"/>, the time of one such batch from a single writer.
/// </summary>
public sealed record StorageCeilingResult(int Writers, double Seconds, long Batches, long Failed, double SingleBatchMs)
{
    public double BatchesPerSecond => Math.Round(Batches / Seconds);
}
