using OrleansCases.Benchmark.Hosts;

namespace OrleansCases.Benchmark.Report;

/// <summary>One measured run of the delivery load on one system.</summary>
public sealed record LoadResult(
    string System,
    string Scenario,
    string Users,
    int Connections,
    double Rate,
    double Seconds,
    long CommandsOk,
    long CommandsFailed,
    string Failures,
    long NotSent,
    long Expected,
    long Received,
    long Duplicates,
    long Unentitled,
    Percentiles Receipt,
    Percentiles Command,
    IReadOnlyList<ProcessUsage> Processes,
    double LoadCpuPercent)
{
    /// <summary>All server processes together, % of one core.</summary>
    public double ServerCpuPercent => Math.Round(Processes.Sum(p => p.CpuPercent), 1);

    public long PeakRss => Processes.Sum(p => p.PeakRss);

    /// <summary>Share of the expected deliveries that arrived.</summary>
    public double Delivered => Expected == 0 ? 1 : (double)Received / Expected;

    public double DeliveriesPerSecond => Math.Round(Received / Seconds);
}
