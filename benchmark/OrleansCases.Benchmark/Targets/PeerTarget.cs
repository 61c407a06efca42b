using System.Globalization;
using System.Net.Http.Json;
using OrleansCases.Benchmark.Clients;
using OrleansCases.Benchmark.Hosts;
using OrleansCases.Benchmark.Load;

namespace OrleansCases.Benchmark.Targets;

/// <summary>The Socket.IO peer (benchmark/peer/server.mjs) in one of its modes, as one Node process.</summary>
public sealed class PeerTarget : ITarget
{
    private readonly ServerProcess _node;
    private readonly Uri _address;
    private readonly HttpClient _http = LoadHttp.Create();

    private PeerTarget(ServerProcess node, Uri address, bool broadcast)
    {
        _node = node;
        _address = address;
        Broadcasts = broadcast;
        Processes = [("node", node.Pid)];
    }

    public string Name => Broadcasts ? "Socket.IO, broadcast" : "Socket.IO, rooms";

    public bool Broadcasts { get; }

    public IReadOnlyList<(string Name, int Pid)> Processes { get; }

    public int ConnectionsPid => _node.Pid;

    public static async Task<PeerTarget> StartAsync(string folder, bool broadcast)
    {
        var port = broadcast ? Ports.PeerBroadcast : Ports.PeerRooms;
        var mode = broadcast ? "broadcast" : "rooms";
        var dir = Repository.PathOf("benchmark", "peer");
        var node = ServerProcess.Start(
            "peer-" + mode, "node", ["server.mjs", "--port", port.ToString(CultureInfo.InvariantCulture), "--mode", mode], dir,
            new Dictionary<string, string> { ["NODE_ENV"] = "production" }, Path.Combine(folder, $"peer-{mode}.log"));
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        await node.WaitReadyAsync(new Uri(address, "/health"), TimeSpan.FromSeconds(30));
        return new PeerTarget(node, address, broadcast);
    }

    public async Task<IEventClient> ConnectAsync(BenchUser user, EventSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await SocketIoClient.ConnectAsync(_address, new { userId = user.Id, role = user.Role, region = user.Region }, sink, cancellationToken);
    }

    public string CaseIdOf(BenchUser owner, string commandId) => "p" + commandId;

    public async Task<int> CreateAsync(BenchUser owner, string commandId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        using var request = Request(owner, "/api/cases", new { id = CaseIdOf(owner, commandId), patientRef = "P-" + commandId[..8], summary = LoadCase.Summary, priority = "urgent" });
        using var answer = await _http.SendAsync(request, cancellationToken);
        return (int)answer.StatusCode;
    }

    public async Task<int> ActAsync(BenchUser actor, string caseId, string action, string commandId, CancellationToken cancellationToken)
    {
        using var request = Request(actor, $"/api/cases/{caseId}/actions/{action}", new { commandId, note = LoadCase.Note });
        using var answer = await _http.SendAsync(request, cancellationToken);
        return (int)answer.StatusCode;
    }

    public async Task<int> PostMessageAsync(BenchUser author, string caseId, string clientMessageId, CancellationToken cancellationToken)
    {
        using var request = Request(author, $"/api/cases/{caseId}/messages", new { text = LoadCase.Message, clientMessageId });
        using var answer = await _http.SendAsync(request, cancellationToken);
        return (int)answer.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _node.DisposeAsync();
    }

    private HttpRequestMessage Request(BenchUser user, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_address, path)) { Content = JsonContent.Create(body) };
        request.Headers.Add("x-user-id", user.Id);
        request.Headers.Add("x-user-name", user.Name);
        request.Headers.Add("x-user-role", user.Role);
        if (user.Region is not null)
        {
            request.Headers.Add("x-user-region", user.Region);
        }

        return request;
    }
}
