using OrleansCases.Benchmark.Load;
using OrleansCases.Benchmark.Targets;

namespace OrleansCases.Benchmark;

/// <summary>Starts both systems, runs the chosen scenarios on each in turn, writes the report.</summary>
public static class Benchmark
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = Directory.CreateTempSubdirectory("orleanscases-bench.").FullName;
        var tokens = new TokenMint();
        var regions = UserSet.Synthetic2000().Regions.Concat(["north", "south"]).ToArray();
        await using var peer = await PeerTarget.StartAsync(folder, broadcast: false);
        await using var orleans = await OrleansTarget.StartAsync(folder, regions, tokens, options.Settings);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        foreach (ITarget target in new ITarget[] { peer, orleans })
        {
            await using var session = await LoadSession.OpenAsync(target, UserSet.DemoSpread(100), 20, cancel.Token);
            var result = await LoadRun.MeasureAsync(session, "light", 10, TimeSpan.FromSeconds(options.Seconds), TimeSpan.FromSeconds(5), cancel.Token);
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(result, System.Text.Json.JsonSerializerOptions.Web));
        }

        Console.WriteLine($"logs in {folder}");
        return 0;
    }
}
