using System.Text.Json;
using OrleansCases.Benchmark.Hosts;
using OrleansCases.Benchmark.Load;
using OrleansCases.Benchmark.Report;
using OrleansCases.Benchmark.Scenarios;
using OrleansCases.Benchmark.Targets;

namespace OrleansCases.Benchmark;

/// <summary>Starts both systems, runs the chosen scenarios on each in turn, and writes the results.</summary>
public static class Benchmark
{
    public static async Task<int> RunAsync(BenchmarkOptions options, string command)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plan = options.Smoke ? ScenarioPlan.Smoke() : ScenarioPlan.Full(TimeSpan.FromSeconds(options.Seconds));
        if (options.Loads is { } loads)
        {
            plan = plan with { Delivery = [.. plan.Delivery.Where(d => loads.Contains(d.Label))] };
        }
        var output = options.Out ?? (options.Smoke ? Directory.CreateTempSubdirectory("orleanscases-bench-smoke.").FullName : Repository.PathOf("benchmark", "results"));
        Directory.CreateDirectory(output);
        var work = Directory.CreateTempSubdirectory("orleanscases-bench.").FullName;
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var tokens = new TokenMint();
        // Every region any scenario uses: the web bridges and serves exactly these.
        var regions = plan.Delivery.SelectMany(d => d.Users().Regions).Concat(UserSet.Synthetic2000().Regions).Distinct().Order(StringComparer.Ordinal).ToArray();
        Console.WriteLine($"starting the systems (logs in {work})");
        await using var peer = await PeerTarget.StartAsync(work, broadcast: false);
        await using var broadcast = await PeerTarget.StartAsync(work, broadcast: true);
        await using var orleans = await OrleansTarget.StartAsync(work, regions, tokens, options.Settings, options.Product, options.AzuriteInMemory);
        var systems = new Systems([peer, orleans], broadcast);

        var token = cancel.Token;
        var delivery = options.Runs("S1") ? await DeliveryScenario.RunAsync(systems, plan, token) : [];
        // Azurite alone at the same rates, after the loads, on the same store: the storage part of those figures.
        var storageRates = delivery.Where(d => d.System == orleans.Name).Select(d => d.Rate).Distinct().Order();
        var storage = new List<StorageLatencyResult>();
        foreach (var rate in storageRates)
        {
            storage.Add(await StorageCeiling.AtRateAsync(orleans.StorageConnectionString, rate, plan.Measure / 2, token));
        }

        var idle = options.Runs("idle") ? await IdleScenario.RunAsync(systems, plan, token) : [];
        var connections = options.Runs("S2") ? await ConnectionsScenario.RunAsync(systems, plan, options.Smoke, token) : [];
        var throughput = options.Runs("S3") ? await ThroughputScenario.RunAsync(systems, plan, token) : [];
        var ceiling = options.Runs("S3") ? await StorageCeiling.RunAsync(orleans.StorageConnectionString, plan.StorageCeiling, token) : null;
        var catchUp = options.Runs("S4") ? await CatchUpScenario.RunAsync(systems, plan, token) : [];
        var conversation = options.Runs("S5") ? await ConversationScenario.RunAsync(systems, plan, token) : [];

        var results = new BenchmarkResults(DateTimeOffset.UtcNow, Machine.Describe(), command, options.Smoke, idle, delivery, storage, connections, throughput, ceiling, catchUp, conversation);
        await File.WriteAllTextAsync(Path.Combine(output, "results.json"), JsonSerializer.Serialize(results, ResultsJson.Options), token);
        var charts = Charts.Write(results, output);
        await File.WriteAllTextAsync(Path.Combine(output, "report.md"), MarkdownReport.Write(
            results, orleans.Name, peer.Name, charts, Path.GetRelativePath(output, Repository.PathOf("benchmark", "README.md"))), token);
        Console.WriteLine();
        foreach (var check in TargetCheck.All(results, orleans.Name, peer.Name))
        {
            Console.WriteLine($"{(check.Met switch { true => "met   ", false => "MISSED", _ => "?     " })} {check.Target}: {check.Ours} vs {check.Peer} (target {check.Limit})");
        }

        Console.WriteLine($"\nresults in {output} (report.md, results.json, charts); server logs in {work}");
        return options.Smoke ? SmokeCheck.Verify(results, [peer.Name, orleans.Name]) : 0;
    }
}
