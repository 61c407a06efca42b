using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using OrleansCases.Abstractions;
using OrleansCases.Benchmark.Clients;
using OrleansCases.Benchmark.Hosts;
using OrleansCases.Benchmark.Load;

namespace OrleansCases.Benchmark.Targets;

/// <summary>
/// OrleansCases as ./run.sh runs it (Release build, Development environment, localhost clustering, memory streams,
/// its appsettings), on its own Azurite and ports: Azurite, one silo, one web. The web serves the load's regions and
/// accepts the tokens of <see cref="TokenMint"/>.
/// </summary>
public sealed class OrleansTarget : ITarget
{
    private readonly Azurite _azurite;
    private readonly ServerProcess _silo;
    private readonly ServerProcess _web;
    private readonly TokenMint _tokens;
    private readonly HttpClient _http;

    private OrleansTarget(Azurite azurite, ServerProcess silo, ServerProcess web, TokenMint tokens)
    {
        _azurite = azurite;
        _silo = silo;
        _web = web;
        _tokens = tokens;
        _http = LoadHttp.Create();
        Processes = [("web", web.Pid), ("silo", silo.Pid), ("azurite", azurite.Pid)];
    }

    public static Uri Web { get; } = new($"http://127.0.0.1:{Ports.Web.ToString(CultureInfo.InvariantCulture)}/");

    public string Name => "OrleansCases";

    public bool Broadcasts => false;

    public IReadOnlyList<(string Name, int Pid)> Processes { get; }

    public int ConnectionsPid => _web.Pid;

    /// <summary>The Azure Storage the system runs on (the storage ceiling measures the same Azurite).</summary>
    public string StorageConnectionString => _azurite.ConnectionString;

    /// <summary>Starts Azurite, the silo and the web as built in <paramref name="product"/> (this repository by default).</summary>
    public static async Task<OrleansTarget> StartAsync(
        string folder, IReadOnlyList<string> regions, TokenMint tokens, IReadOnlyDictionary<string, string> settings, string? product, bool azuriteInMemory)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(tokens);
        var azurite = await Azurite.StartAsync(Path.Combine(folder, "azurite"), azuriteInMemory);
        var common = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Cluster__ServiceId"] = "orleanscasesbench",
            ["Cluster__SiloPort"] = Port(Ports.Silo),
            ["Cluster__PrimarySiloPort"] = Port(Ports.Silo),
            ["Cluster__GatewayPort"] = Port(Ports.Gateway),
        };
        foreach (var (key, value) in settings)
        {
            common[key] = value;
        }

        // What started is stopped again when a later part fails to start: a benchmark that cannot run leaves nothing behind.
        ServerProcess? silo = null;
        ServerProcess? web = null;
        try
        {
            var root = product ?? Repository.Root;
            var siloDir = Path.Combine(root, "silo", "OrleansCases.Silo");
            silo = ServerProcess.Start(
                "silo", "dotnet", [Dll(siloDir, "OrleansCases.Silo")], siloDir,
                new Dictionary<string, string>(common) { ["Urls"] = $"http://127.0.0.1:{Port(Ports.SiloHttp)}" },
                Path.Combine(folder, "silo.log"));
            await silo.WaitReadyAsync(new Uri($"http://127.0.0.1:{Port(Ports.SiloHttp)}/health/ready"), TimeSpan.FromSeconds(90));

            var webDir = Path.Combine(root, "web", "OrleansCases.Web");
            var webSettings = new Dictionary<string, string>(common)
            {
                ["Urls"] = Web.GetLeftPart(UriPartial.Authority),
                ["Auth__DevelopmentSigningKey"] = tokens.Key,
            };
            for (var i = 0; i < regions.Count; i++)
            {
                webSettings[$"Cases__Regions__{i}"] = regions[i];
            }

            web = ServerProcess.Start("web", "dotnet", [Dll(webDir, "OrleansCases.Web")], webDir, webSettings, Path.Combine(folder, "web.log"));
            await web.WaitReadyAsync(new Uri(Web, "/health/ready"), TimeSpan.FromSeconds(90));
        }
        catch
        {
            if (web is not null)
            {
                await web.DisposeAsync();
            }

            if (silo is not null)
            {
                await silo.DisposeAsync();
            }

            await azurite.DisposeAsync();
            throw;
        }

        return new OrleansTarget(azurite, silo, web, tokens);
    }

    public async Task<IEventClient> ConnectAsync(BenchUser user, EventSink sink, CancellationToken cancellationToken) =>
        await SignalRClient.ConnectAsync(Web, _tokens.TokenOf(user), _http, sink, cancellationToken);

    public string CaseIdOf(BenchUser owner, string commandId)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return CaseIds.ForCreate(owner.Id, commandId);
    }

    public async Task<int> CreateAsync(BenchUser owner, string commandId, CancellationToken cancellationToken)
    {
        using var request = Request(owner, HttpMethod.Post, "/api/cases", new { patientRef = "P-" + commandId[..8], summary = LoadCase.Summary, priority = "urgent", commandId });
        using var answer = await _http.SendAsync(request, cancellationToken);
        return (int)answer.StatusCode;
    }

    public async Task<int> ActAsync(BenchUser actor, string caseId, string action, string commandId, CancellationToken cancellationToken)
    {
        using var request = Request(actor, HttpMethod.Post, $"/api/cases/{caseId}/actions/{action}", new { commandId, note = LoadCase.Note });
        using var answer = await _http.SendAsync(request, cancellationToken);
        return (int)answer.StatusCode;
    }

    public async Task<int> PostMessageAsync(BenchUser author, string caseId, string clientMessageId, CancellationToken cancellationToken)
    {
        using var request = Request(author, HttpMethod.Post, $"/api/cases/{caseId}/messages", new { text = LoadCase.Message, clientMessageId });
        using var answer = await _http.SendAsync(request, cancellationToken);
        return (int)answer.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _web.DisposeAsync();
        await _silo.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private HttpRequestMessage Request(BenchUser user, HttpMethod method, string path, object body)
    {
        var request = new HttpRequestMessage(method, new Uri(Web, path)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.TokenOf(user));
        return request;
    }

    private static string Dll(string projectDir, string name) => Path.Combine(projectDir, "bin", "Release", "net10.0", name + ".dll");

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

}
