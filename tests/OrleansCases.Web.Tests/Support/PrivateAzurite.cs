using System.Diagnostics;
using System.Globalization;
using OrleansCases.Testing;

namespace OrleansCases.Web.Tests.Support;

/// <summary>
/// An Azurite of one test class, started and stopped by deploy/local/azurite.sh on free ports with its data in
/// memory, so that a test can pause it (SIGSTOP: requests are accepted and never answered, as in a storage outage)
/// without touching the Azurite every other test uses.
/// </summary>
public sealed class PrivateAzurite : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly string _folder;

    private PrivateAzurite(Dictionary<string, string> environment, string folder, string connectionString, int pid)
    {
        _environment = environment;
        _folder = folder;
        ConnectionString = connectionString;
        Pid = pid;
    }

    public string ConnectionString { get; }

    public int Pid { get; }

    public static async Task<PrivateAzurite> StartAsync()
    {
        // The script keeps its pid file and log next to the data folder: both go in a folder of this instance.
        var folder = Directory.CreateTempSubdirectory("orleanscases-azurite.").FullName;
        var environment = new Dictionary<string, string>
        {
            ["AZURITE_BLOB_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["AZURITE_QUEUE_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["AZURITE_TABLE_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["AZURITE_DATA"] = Directory.CreateDirectory(Path.Combine(folder, "data")).FullName,
            ["AZURITE_IN_MEMORY"] = "1",
        };
        await ScriptAsync(environment, "start");
        var connectionString = (await ScriptAsync(environment, "connection-string")).Trim();
        var pid = int.Parse((await ScriptAsync(environment, "pid")).Trim(), CultureInfo.InvariantCulture);
        return new PrivateAzurite(environment, folder, connectionString, pid);
    }

    /// <summary>Freezes Azurite: connections stay open, nothing is answered.</summary>
    public Task PauseAsync() => SignalAsync("STOP");

    public Task ResumeAsync() => SignalAsync("CONT");

    public async ValueTask DisposeAsync()
    {
        await ResumeAsync();
        await ScriptAsync(_environment, "stop");
        Directory.Delete(_folder, recursive: true);
    }

    private Task SignalAsync(string signal) => ProcessSignal.SendAsync(Pid, signal);

    private static async Task<string> ScriptAsync(Dictionary<string, string> environment, string command)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "deploy", "local", "azurite.sh"), command])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var script = Process.Start(start)!;
        var output = script.StandardOutput.ReadToEndAsync();
        var errors = script.StandardError.ReadToEndAsync();
        await script.WaitForExitAsync();
        if (script.ExitCode != 0)
        {
            throw new InvalidOperationException($"azurite.sh {command} failed ({script.ExitCode}): {await errors}");
        }

        return await output;
    }
}
