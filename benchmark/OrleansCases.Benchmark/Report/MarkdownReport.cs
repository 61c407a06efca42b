using System.Globalization;
using System.Text;

namespace OrleansCases.Benchmark.Report;

/// <summary>The run as Markdown: the targets with their verdicts first, then every scenario's figures for every system.</summary>
public static class MarkdownReport
{
    /// <summary>
    /// <paramref name="readme"/> is benchmark/README.md relative to the folder the report is written to, so the link
    /// holds wherever the run was written (benchmark/results, or a folder of its own).
    /// </summary>
    public static string Write(BenchmarkResults results, string ours, string peer, IReadOnlyList<string> charts, string readme)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(charts);
        var md = new StringBuilder();
        Line(md, "# OrleansCases beside the Socket.IO peer");
        Line(md);
        Line(md, $"Measured {results.At:yyyy-MM-dd HH:mm} UTC on {results.Machine}{(results.Smoke ? " (smoke run: sizes too small to mean anything)" : "")}.");
        Line(md, $"Reproduce: `{results.Command}`. Every figure below comes from this one run: the systems took turns, each warm");
        Line(md, "(a longer warm-up at its first load, a shorter one before each measured window), driven by one load process on loopback.");
        Line(md, "Latency counts from when a command was due (open loop), so a system that falls behind pays for every late command.");
        Line(md, $"What the figures mean, what each optimisation bought and why the peer is ahead where it is: [benchmark/README.md]({readme.Replace('\\', '/')}).");
        Line(md);

        var checks = TargetCheck.All(results, ours, peer);
        if (checks.Count > 0)
        {
            Line(md, "## Targets (ratios to the rooms peer of this run)");
            Line(md);
            Line(md, $"| target | {ours} | {peer} | target | met |");
            Line(md, "|---|---|---|---|---|");
            foreach (var c in checks)
            {
                Line(md, $"| {c.Target} | {c.Ours} | {c.Peer} | {c.Limit} | {(c.Met switch { true => "yes", false => "**no**", _ => "—" })} |");
            }

            Line(md);
        }

        foreach (var chart in charts)
        {
            Line(md, $"![{Path.GetFileNameWithoutExtension(chart)}]({chart})");
        }

        Line(md);
        Line(md, "## Idle: no connections, nothing happening");
        Line(md);
        Line(md, "| system | server CPU (% of one core) | per process |");
        Line(md, "|---|---|---|");
        foreach (var i in results.Idle)
        {
            Line(md, $"| {i.System} | {i.ServerCpuPercent:0.00} | {Processes(i.Processes.Select(p => (p.Name, p.CpuPercent)), "0.00")} |");
        }

        Line(md);
        Line(md, "## S1 delivery");
        Line(md);
        Line(md, "Receipt: from the command's due time to its event at each entitled connection. Command: from due time to the HTTP answer.");
        Line(md, "Duplicates: the same (case, version) twice on one connection. Unentitled: an event on a connection docs/design.md section 3 does not entitle to it.");
        Line(md);
        LoadTable(md, results.Delivery.Concat(results.Throughput.SelectMany(t => t.Steps)));

        if (results.StorageAlone.Count > 0)
        {
            Line(md);
            Line(md, "Azurite alone at the same rates, right after the loads on the same store: one-change region batches (the requests a");
            Line(md, "transition makes, built by the region log's own code) sent straight from the load process over 10 partitions, a");
            Line(md, "partition's batches one after another as its region log must, latency from each batch's due time. This is the storage");
            Line(md, "part of OrleansCases' command and receipt times above (the region log also batches what queues up; this does not).");
            Line(md);
            Line(md, "| rate | batch p50 / p90 / p99 / max (ms) | failed |");
            Line(md, "|---|---|---|");
            foreach (var s in results.StorageAlone)
            {
                Line(md, $"| {s.Rate:0}/s | {s.Latency.P50:0.0} / {s.Latency.P90:0.0} / {s.Latency.P99:0.0} / {s.Latency.Max:0} | {s.Failed} |");
            }
        }

        Line(md);
        Line(md, "## S2 idle connections");
        Line(md);
        Line(md, "Memory: resident set of the process holding the connections (web, or node) against before the first, per connection.");
        Line(md);
        Line(md, "| system | connections | failed | connects/s | RSS before → after (MiB) | per connection (KiB) | idle CPU % |");
        Line(md, "|---|---|---|---|---|---|---|");
        foreach (var c in results.Connections)
        {
            Line(md, $"| {c.System} | {c.Connections:N0} | {c.Failed} | {c.ConnectsPerSecond:N0} | {c.RssBefore / 1048576.0:0} → {c.RssAfter / 1048576.0:0} | {c.BytesPerConnection / 1024:0.0} | {c.IdleCpuPercent:0.0} |");
        }

        Line(md);
        Line(md, "## S3 throughput");
        Line(md);
        Line(md, $"The highest rate with receipt p99 < {ThroughputResult.P99LimitMs:0} ms, every delivery made and no command failed (the steps are in the S1 table as \"throughput\").");
        Line(md);
        Line(md, "| system | highest rate (transitions/s) | rates tried |");
        Line(md, "|---|---|---|");
        foreach (var t in results.Throughput)
        {
            Line(md, $"| {t.System} | {(t.HighestRate is { } h ? h.ToString("0", CultureInfo.InvariantCulture) : "none")} | {string.Join(", ", t.Steps.Select(s => $"{s.Rate:0}{(ThroughputResult.Passes(s) ? "" : " (missed)")}"))} |");
        }

        if (results.StorageCeiling is { } ceiling)
        {
            Line(md);
            Line(md, $"Azurite's own ceiling for the same requests (one-change region batches, {ceiling.Writers} partitions written side by side, straight from the load process): " +
                $"**{ceiling.BatchesPerSecond:N0} batches/s** ({ceiling.Batches:N0} in {ceiling.Seconds:0.#} s, {ceiling.Failed} failed). " +
                $"One such batch from a single writer takes {ceiling.SingleBatchMs:0.00} ms: the storage part of every command.");
        }

        Line(md);
        Line(md, "## S4 catch-up");
        Line(md);
        Line(md, "| system | clients | missed per client | caught up | duplicates | time until all converged (s) | reads refused (503/429), retried |");
        Line(md, "|---|---|---|---|---|---|---|");
        foreach (var c in results.CatchUp)
        {
            Line(md, $"| {c.System} | {c.Clients:N0} | {c.MissedPerClient:0} | {c.Received:N0}/{c.Expected:N0} | {c.Duplicates:N0} | {c.ConvergedSeconds:0.00} | {c.Refused:N0} |");
        }

        Line(md);
        Line(md, "## S5 conversation");
        Line(md);
        Line(md, "Messages on cases that each have an ASHA and her doctor, owner and doctor taking turns, regions in turn. Receipt: from");
        Line(md, "the message's due time to its caseMessage at each connection of its audience (owner, doctor, the region's CHWs, admins).");
        Line(md, "Command: from due time to the 201. OrleansCases stores each message before it answers; the peer keeps a count.");
        Line(md);
        LoadTable(md, results.Conversation);

        return md.ToString();
    }

    private static void LoadTable(StringBuilder md, IEnumerable<LoadResult> runs)
    {
        Line(md, "| load | system | receipt p50 / p90 / p99 / max (ms) | command p50 / p99 (ms) | delivered | duplicates | unentitled | deliveries/s | server CPU % (per process) | peak RSS MiB | load CPU % |");
        Line(md, "|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in runs)
        {
            Line(md,
                $"| {r.Scenario}, N={r.Connections:N0}, R={r.Rate:0}/s | {r.System} | {r.Receipt.P50:0.0} / {r.Receipt.P90:0.0} / {r.Receipt.P99:0.0} / {r.Receipt.Max:0} | " +
                $"{r.Command.P50:0.0} / {r.Command.P99:0.0} | {r.Received:N0}/{r.Expected:N0}{(r.CommandsFailed > 0 ? $" ({r.CommandsFailed} commands failed: {r.Failures})" : "")}{(r.NotSent > 0 ? $" ({r.NotSent} not sent)" : "")} | " +
                $"{r.Duplicates:N0} | {r.Unentitled} | {r.DeliveriesPerSecond:N0} | {r.ServerCpuPercent:0.0} ({Processes(r.Processes.Select(p => (p.Name, p.CpuPercent)), "0.0")}) | " +
                $"{r.PeakRss / 1048576.0:0} | {r.LoadCpuPercent:0} |");
        }
    }

    private static string Processes(IEnumerable<(string Name, double Cpu)> processes, string format) =>
        string.Join(", ", processes.Select(p => $"{p.Name} {p.Cpu.ToString(format, CultureInfo.InvariantCulture)}"));

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
