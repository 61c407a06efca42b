using System.Diagnostics;
using System.Globalization;
using OrleansCases.Benchmark.Targets;

namespace OrleansCases.Benchmark.Hosts;

/// <summary>A private Azurite for the benchmark (deploy/local/azurite.sh on the benchmark's ports, data in a temp folder).</summary>
public sealed class Azurite : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;

    private Azurite(Dictionary<string, string> environment, string connectionString, int pid)
    {
        _environment = environment;
        ConnectionString = connectionString;
        Pid = pid;
    }

    public string ConnectionString { get; }

    public int Pid { get; }

    /// <summary>Starts it with its data in <paramref name="folder"/>, or in memory only.</summary>
    public static async Task<Azurite> StartAsync(string folder, bool inMemory)
    {
        var environment = new Dictionary<string, string>
        {
            ["AZURITE_DATA"] = Path.Combine(folder, "data"),
            ["AZURITE_BLOB_PORT"] = Ports.AzuriteBlob.ToString(CultureInfo.InvariantCulture),
            ["AZURITE_QUEUE_PORT"] = Ports.AzuriteQueue.ToString(CultureInfo.InvariantCulture),
            ["AZURITE_TABLE_PORT"] = Ports.AzuriteTable.ToString(CultureInfo.InvariantCulture),
            ["AZURITE_IN_MEMORY"] = inMemory ? "1" : "0",
        };
        await ScriptAsync(environment, "start");
        var connectionString = (await ScriptAsync(environment, "connection-string")).Trim();
        var pid = int.Parse((await ScriptAsync(environment, "pid")).Trim(), CultureInfo.InvariantCulture);
        return new Azurite(environment, connectionString, pid);
    }

    /// <summary>Stops it and deletes its data (a run's data is never reused).</summary>
    public async ValueTask DisposeAsync()
    {
        await ScriptAsync(_environment, "stop");
        if (Directory.Exists(_environment["AZURITE_DATA"]))
        {
            Directory.Delete(_environment["AZURITE_DATA"], recursive: true);
        }
    }

    private static async Task<string> ScriptAsync(Dictionary<string, string> environment, string command)
    {
        var start = new ProcessStartInfo(Repository.PathOf("deploy", "local", "azurite.sh"), [command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("azurite.sh did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"azurite.sh {command} failed ({process.ExitCode}): {await errors}");
        }

        return await output;
    }
}
