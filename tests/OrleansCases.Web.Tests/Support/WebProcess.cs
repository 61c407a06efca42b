using System.Diagnostics;
using System.Globalization;
using OrleansCases.Testing;

namespace OrleansCases.Web.Tests.Support;

/// <summary>
/// The web front-end as a real process (`dotnet OrleansCases.Web.dll`, the build this test run was built with),
/// started the way ./run.sh starts it, as an Orleans client of a test silo on a fixed loopback port. Tests that
/// restart the web need a process: the browser must lose its connections and find the same address again.
/// </summary>
public sealed class WebProcess : IAsyncDisposable
{
    private static readonly TimeSpan _readyTimeout = TimeSpan.FromSeconds(90);

    private readonly string _serviceId;
    private readonly int _gatewayPort;
    private readonly OutputTail _output = new(capacity: 200);
    private Process? _process;

    private readonly IReadOnlyDictionary<string, string> _settings;

    private WebProcess(string serviceId, int gatewayPort, int port, IReadOnlyDictionary<string, string>? settings)
    {
        _serviceId = serviceId;
        _gatewayPort = gatewayPort;
        _settings = settings ?? new Dictionary<string, string>();
        Address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public Uri Address { get; }

    /// <summary>The last lines the process wrote, for a failing test's message.</summary>
    public string Output => _output.ToString();

    /// <summary>Starts a web process; <paramref name="settings"/> are extra configuration (keys as in appsettings, "A:B").</summary>
    public static async Task<WebProcess> StartAsync(
        string serviceId, int gatewayPort, int? port = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var web = new WebProcess(serviceId, gatewayPort, port ?? FreePort.Next(), settings);
        await web.StartAsync();
        return web;
    }

    /// <summary>Starts the process and waits until /health/ready answers 200.</summary>
    public async Task StartAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("The web process is running.");
        }

        var project = Path.Combine(Repository.Root, "web", "OrleansCases.Web");
        var dll = Path.Combine(project, "bin", Repository.BuildConfiguration, "net10.0", "OrleansCases.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the solution first: the web app is not built.", dll);
        }

        // The content root is the project folder, as with ./run.sh: appsettings and wwwroot come from there.
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Urls"] = Address.GetLeftPart(UriPartial.Authority),
            ["Storage__ConnectionString"] = TestStorage.ConnectionString,
            ["Cluster__ServiceId"] = _serviceId,
            ["Cluster__ClusterId"] = "webtests",
            ["Cluster__GatewayPort"] = _gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__Console__FormatterName"] = "simple",
            // Browser tests sign the same demo users in many times a minute; the limit itself is tested elsewhere.
            ["Auth__RateLimits__SignInPerUserName__TokenLimit"] = "1000",
            [RequestDeadline.Key.Replace(":", "__", StringComparison.Ordinal)] = RequestDeadline.Relaxed,
        })
        {
            start.Environment[key] = value;
        }

        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => _output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => _output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilReadyAsync(process);
    }

    /// <summary>Asks the process to stop (SIGTERM, as a terminal, systemd or Kubernetes does); answers how long it took.</summary>
    public async Task<TimeSpan> StopAsync(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException("The web process is not running.");
        var clock = Stopwatch.StartNew();
        await ProcessSignal.SendAsync(process.Id, "TERM");
        using var deadline = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(deadline.Token);
        var took = clock.Elapsed;
        await KillAsync();
        return took;
    }

    /// <summary>Kills the process at once, as a crash or an evicted pod would: no graceful shutdown.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        try
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        finally
        {
            process.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private async Task WaitUntilReadyAsync(Process process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + _readyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The web process exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri(Address, "/health/ready"));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, but not answering yet.
            }

            await Task.Delay(200);
        }

        await KillAsync();
        throw new TimeoutException($"The web process was not ready within {_readyTimeout.TotalSeconds} s:\n{Output}");
    }
}
