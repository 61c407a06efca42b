using System.Globalization;

namespace OrleansCases.Benchmark.Report;

/// <summary>What the benchmark prints as it goes: one line per measured run.</summary>
public static class ConsoleReport
{
    public static void Line(LoadResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var processes = string.Join(" ", r.Processes.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.CpuPercent:0.0}")));
        var line = string.Create(CultureInfo.InvariantCulture,
            $"  {r.System,-22} {r.Scenario,-12} N={r.Connections,-5} R={r.Rate,-5} receipt p50 {r.Receipt.P50,6:0.0} p99 {r.Receipt.P99,6:0.0} max {r.Receipt.Max,7:0.0} ms | command p99 {r.Command.P99,6:0.0} ms | delivered {r.Received}/{r.Expected} dup {r.Duplicates} | CPU {r.ServerCpuPercent:0.0}% ({processes}) load {r.LoadCpuPercent:0}%");
        if (r.CommandsFailed > 0)
        {
            line += $" | failed {r.Failures}";
        }

        if (r.NotSent > 0)
        {
            line += $" | not sent {r.NotSent}";
        }

        Console.WriteLine(line);
    }
}
