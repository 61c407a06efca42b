using HdrHistogram;

namespace OrleansCases.Benchmark.Report;

/// <summary>A latency distribution in milliseconds.</summary>
public sealed record Percentiles(double P50, double P90, double P99, double Max, long Count)
{
    public static Percentiles Empty { get; } = new(0, 0, 0, 0, 0);

    /// <summary>From a histogram of microseconds.</summary>
    public static Percentiles Of(HistogramBase microseconds)
    {
        ArgumentNullException.ThrowIfNull(microseconds);
        return microseconds.TotalCount == 0
            ? Empty
            : new(
                Ms(microseconds.GetValueAtPercentile(50)), Ms(microseconds.GetValueAtPercentile(90)),
                Ms(microseconds.GetValueAtPercentile(99)), Ms(microseconds.GetMaxValue()), microseconds.TotalCount);
    }

    private static double Ms(long microseconds) => Math.Round(microseconds / 1000.0, 2);
}
