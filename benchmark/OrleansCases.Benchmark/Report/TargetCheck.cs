using System.Globalization;

namespace OrleansCases.Benchmark.Report;

/// <summary>One target of the issue, judged on one run: what OrleansCases measured, what the rooms peer measured, and the verdict.</summary>
public sealed record TargetCheck(string Target, string Ours, string Peer, string Limit, bool? Met)
{
    /// <summary>The targets, as ratios to the rooms peer of the same run; null when a run lacks the figures.</summary>
    public static IReadOnlyList<TargetCheck> All(BenchmarkResults results, string ours, string peer)
    {
        ArgumentNullException.ThrowIfNull(results);
        var checks = new List<TargetCheck>();
        LoadResult? Run(string scenario, double rate, string system) =>
            results.Delivery.FirstOrDefault(r => r.Scenario == scenario && r.Rate == rate && r.System == system);

        if (Run("light", 10, ours) is { } lo && Run("light", 10, peer) is { } lp)
        {
            checks.Add(Ratio("light load: receipt p50", lo.Receipt.P50, lp.Receipt.P50, 2, "ms"));
            checks.Add(Ratio("light load: receipt p99", lo.Receipt.P99, lp.Receipt.P99, 3, "ms"));
            checks.Add(Ratio("light load: server CPU", lo.ServerCpuPercent, lp.ServerCpuPercent, 3, "% of a core"));
        }

        foreach (var (scenario, rate) in new[] { ("synthetic", 200.0), ("demo spread", 100.0) })
        {
            if (Run(scenario, rate, ours) is not { } o || Run(scenario, rate, peer) is not { } p)
            {
                continue;
            }

            var label = $"{scenario} N={o.Connections} R={rate}";
            checks.Add(new($"{label}: delivered, duplicates", $"{o.Received}/{o.Expected}, {o.Duplicates}", $"{p.Received}/{p.Expected}, {p.Duplicates}", "all, 0", o.Received == o.Expected && o.Duplicates == 0));
            checks.Add(Ratio($"{label}: receipt p99", o.Receipt.P99, p.Receipt.P99, 1, "ms"));
            checks.Add(new($"{label}: command answered p99", Ms(o.Command.P99), Ms(p.Command.P99), "≤ 100 ms", o.Command.P99 <= 100));
        }

        if (results.Idle.FirstOrDefault(i => i.System == ours) is { } idle)
        {
            var peerIdle = results.Idle.FirstOrDefault(i => i.System == peer);
            checks.Add(new("idle: all server processes", Pct(idle.ServerCpuPercent), peerIdle is null ? "—" : Pct(peerIdle.ServerCpuPercent), "≤ 2% of a core", idle.ServerCpuPercent <= 2));
        }

        var oc = results.Connections.Where(c => c.System == ours).MaxBy(c => c.Connections);
        var pc = results.Connections.Where(c => c.System == peer).MaxBy(c => c.Connections);
        if (oc is not null && pc is not null)
        {
            checks.Add(new(
                $"memory per idle connection ({oc.Connections:N0})", KiB(oc.BytesPerConnection), KiB(pc.BytesPerConnection), "≤ the peer's",
                oc.BytesPerConnection <= pc.BytesPerConnection));
        }

        if (results.StorageCeiling is { } ceiling && results.Throughput.FirstOrDefault(t => t.System == ours) is { } t)
        {
            var share = (t.HighestRate ?? 0) / ceiling.BatchesPerSecond;
            var peerThroughput = results.Throughput.FirstOrDefault(x => x.System == peer)?.HighestRate;
            checks.Add(new(
                "throughput: share of Azurite's ceiling", $"{t.HighestRate ?? 0:0}/s = {share:P0} of {ceiling.BatchesPerSecond:0}/s",
                peerThroughput is null ? "—" : $"{peerThroughput:0}/s (no storage)", "≥ 70%", share >= 0.7));
        }

        return checks;
    }

    private static TargetCheck Ratio(string target, double ours, double peer, double times, string unit)
    {
        var ratio = peer > 0 ? ours / peer : double.PositiveInfinity;
        return new(
            target,
            string.Create(CultureInfo.InvariantCulture, $"{ours:0.##} {unit} ({ratio:0.0}×)"),
            string.Create(CultureInfo.InvariantCulture, $"{peer:0.##} {unit}"),
            string.Create(CultureInfo.InvariantCulture, $"≤ {times}×"),
            ratio <= times);
    }

    private static string Ms(double ms) => string.Create(CultureInfo.InvariantCulture, $"{ms:0.#} ms");

    private static string Pct(double percent) => string.Create(CultureInfo.InvariantCulture, $"{percent:0.00}%");

    private static string KiB(double bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:0.0} KiB");
}
