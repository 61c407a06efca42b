namespace OrleansCases.Benchmark.Report;

/// <summary>Azurite alone at an S1 rate: the latency of one-change region batches from their due time.</summary>
public sealed record StorageLatencyResult(double Rate, Percentiles Latency, long Failed);
