namespace OrleansCases.Benchmark.Report;

/// <summary>Everything one run measured, as the JSON, the Markdown report and the charts show it.</summary>
public sealed record BenchmarkResults(
    DateTimeOffset At,
    string Machine,
    string Command,
    bool Smoke,
    IReadOnlyList<IdleResult> Idle,
    IReadOnlyList<LoadResult> Delivery,
    IReadOnlyList<StorageLatencyResult> StorageAlone,
    IReadOnlyList<ConnectionsResult> Connections,
    IReadOnlyList<ThroughputResult> Throughput,
    StorageCeilingResult? StorageCeiling,
    IReadOnlyList<CatchUpResult> CatchUp,
    IReadOnlyList<LoadResult> Conversation);
