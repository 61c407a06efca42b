namespace OrleansCases.Benchmark.Report;

/// <summary>
/// The throughput search on one system: each rate tried, in order, and the highest that kept receipt p99 under
/// <see cref="P99LimitMs"/> with every delivery made.
/// </summary>
public sealed record ThroughputResult(string System, IReadOnlyList<LoadResult> Steps, double? HighestRate)
{
    public const double P99LimitMs = 100;

    public static bool Passes(LoadResult step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Receipt.P99 < P99LimitMs && step.Received == step.Expected && step.CommandsFailed == 0 && step.NotSent == 0;
    }
}
