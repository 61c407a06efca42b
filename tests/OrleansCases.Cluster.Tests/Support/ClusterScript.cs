using System.Diagnostics;
using System.Globalization;
using OrleansCases.Testing;

namespace OrleansCases.Cluster.Tests.Support;

/// <summary>
/// deploy/local/cluster.sh as a child process: the build this test run was built with (no build of its own), a
/// fresh ServiceId, pid files and logs in a temporary folder, and ./test.sh's Azurite when ORLEANSCASES_TEST_STORAGE
/// is set (otherwise the script starts an Azurite of its own in that folder).
/// </summary>
public sealed class ClusterScript : IAsyncDisposable
{
    private const string ReadyLine = "OrleansCases cluster is running";
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(150);
    // The script stops webs (30 s at most) and then silos (45 s at most) before it gives up on them.
    private static readonly TimeSpan _stopTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly OutputTail _output = new(capacity: 300);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ClusterScript(Process process, string runDirectory)
    {
        _process = process;
        RunDirectory = runDirectory;
    }

    /// <summary>Pid files and logs of this run.</summary>
    public string RunDirectory { get; }

    /// <summary>web1 and web2, on the ports the script uses (CLUSTER_WEB_PORTS, default 5080 and 5081).</summary>
    public IReadOnlyList<Uri> Webs { get; } =
    [
        .. (Environment.GetEnvironmentVariable("CLUSTER_WEB_PORTS") ?? "5080 5081")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(port => new Uri($"http://127.0.0.1:{port}/")),
    ];

    /// <summary>The script's last lines, for a failing test's message.</summary>
    public string Output => _output.ToString();

    /// <summary>Starts the cluster with <paramref name="streams"/> (the script's CLUSTER_STREAMS: AzureQueue or Memory).</summary>
    public static async Task<ClusterScript> StartAsync(string streams)
    {
        var runDirectory = Directory.CreateTempSubdirectory("orleanscases-cluster.").FullName;
        var start = new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "deploy", "local", "cluster.sh")])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["CLUSTER_NO_BUILD"] = "1";
        start.Environment["CLUSTER_CONFIGURATION"] = Repository.BuildConfiguration;
        start.Environment["CLUSTER_RUN_DIR"] = runDirectory;
        start.Environment["CLUSTER_SERVICE_ID"] = "unique";
        start.Environment["CLUSTER_STREAMS"] = streams;
        if (TestStorage.Exported is { } storage)
        {
            start.Environment["CLUSTER_STORAGE"] = storage;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var script = new ClusterScript(process, runDirectory);
        process.OutputDataReceived += (_, e) => script.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => script.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await script.WaitUntilReadyAsync();
        return script;
    }

    /// <summary>The pid cluster.sh recorded for one of its processes (silo1, silo2, web1, web2).</summary>
    public int PidOf(string name) =>
        int.Parse(File.ReadAllText(Path.Combine(RunDirectory, name + ".pid")).Trim(), CultureInfo.InvariantCulture);

    /// <summary>
    /// Every process the script runs, read from its pid files before they go: the script itself, silos, webs and
    /// its own Azurite when it started one.
    /// </summary>
    public IReadOnlyDictionary<string, int> Processes() =>
        Directory.EnumerateFiles(RunDirectory, "*.pid").ToDictionary(
            file => Path.GetFileNameWithoutExtension(file),
            file => int.Parse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture));

    /// <summary>SIGTERM to the script, and its exit code once it has stopped everything it started.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            await ProcessSignal.SendAsync(_process.Id, "TERM");
        }

        using var timeout = new CancellationTokenSource(_stopTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"cluster.sh did not stop within {_stopTimeout.TotalSeconds} s:\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>Removes the logs once a test has passed; a failing run keeps them for a look.</summary>
    public void DeleteRunDirectory() => Directory.Delete(RunDirectory, recursive: true);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var timeout = new CancellationTokenSource(_startTimeout);
        var exited = _process.WaitForExitAsync(timeout.Token);
        var first = await Task.WhenAny(_ready.Task, exited, Task.Delay(Timeout.Infinite, timeout.Token));
        if (first == _ready.Task)
        {
            return;
        }

        if (first == exited && exited.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException($"cluster.sh exited with {_process.ExitCode} before the cluster was ready:\n{Output}");
        }

        await DisposeAsync();
        throw new TimeoutException($"cluster.sh was not ready within {_startTimeout.TotalSeconds} s:\n{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith(ReadyLine, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }

        _output.Add(line);
    }
}
