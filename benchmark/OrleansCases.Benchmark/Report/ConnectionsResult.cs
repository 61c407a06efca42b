namespace OrleansCases.Benchmark.Report;

/// <summary>
/// Idle connections held by one system: how fast they opened, the memory of the process that holds them (resident
/// set before and after, and per connection), and its CPU with all of them idle.
/// </summary>
public sealed record ConnectionsResult(
    string System,
    int Connections,
    int Failed,
    double ConnectSeconds,
    long RssBefore,
    long RssAfter,
    double IdleCpuPercent)
{
    public double ConnectsPerSecond => Math.Round(Connections / ConnectSeconds);

    public double BytesPerConnection => Math.Round((double)(RssAfter - RssBefore) / Connections);
}
