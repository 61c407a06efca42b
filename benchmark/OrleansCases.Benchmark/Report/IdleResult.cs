using OrleansCases.Benchmark.Hosts;

namespace OrleansCases.Benchmark.Report;

/// <summary>A system with nothing happening: <see cref="Connections"/> open, no commands, over <see cref="Seconds"/>.</summary>
public sealed record IdleResult(string System, int Connections, double Seconds, IReadOnlyList<ProcessUsage> Processes)
{
    public double ServerCpuPercent => Math.Round(Processes.Sum(p => p.CpuPercent), 2);
}
