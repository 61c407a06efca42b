using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace OrleansCases.Cluster.Tests.Support;

/// <summary>
/// What a portal keeps of the live stream: a SignalR connection (WebSockets) to one web, the last version it saw of
/// each case (never an older over a newer), and its feed cursor, so it can catch up through GET /api/feed from
/// where it stands, as the portal does after a reconnect or a resync.
/// </summary>
public sealed class PortalClient : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _versions = [];
    private readonly ConcurrentQueue<JsonElement> _received = new();
    private readonly Channel<bool> _arrivals = Channel.CreateUnbounded<bool>();
    private readonly HubConnection _connection;
    private readonly ApiCaller _api;
    private string? _cursor;
    private int _resyncs;

    private PortalClient(HubConnection connection, ApiCaller api)
    {
        _connection = connection;
        _api = api;
        connection.On<JsonElement>("caseStatusUpdate", e => Apply(e.GetProperty("caseId").GetString()!, e.GetProperty("version").GetInt32(), e.GetProperty("cursor").GetString(), e));
        connection.On<string>("resync", _ =>
        {
            Interlocked.Increment(ref _resyncs);
            _arrivals.Writer.TryWrite(true);
        });
    }

    public string Name => $"{_api.UserId} on {_api.Web.Authority}";

    /// <summary>Case versions that reached this client only through the feed, not live.</summary>
    public int CaughtUpFromFeed { get; private set; }

    public int Resyncs => Volatile.Read(ref _resyncs);

    public static async Task<PortalClient> ConnectAsync(ApiCaller api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var connection = new HubConnectionBuilder().WithUrl(new Uri(api.Web, "hubs/cases"), o =>
        {
            o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            o.AccessTokenProvider = () => Task.FromResult<string?>(api.Token);
        }).Build();
        var client = new PortalClient(connection, api);
        await connection.StartAsync();
        // The feed's head after connecting: everything later arrives live or is in the feed after this cursor.
        var head = (await api.ReadFeedAsync(null))["nextCursor"]!.GetValue<string>();
        lock (client._gate)
        {
            client._cursor ??= head;
        }

        return client;
    }

    /// <summary>Waits until an event of <paramref name="caseId"/> at <paramref name="version"/> has arrived live.</summary>
    public async Task<JsonElement> WaitForAsync(string caseId, int version, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                if (_received.FirstOrDefault(e => e.GetProperty("caseId").GetString() == caseId && e.GetProperty("version").GetInt32() == version)
                    is { ValueKind: JsonValueKind.Object } found)
                {
                    return found;
                }

                await NextArrivalAsync(cancel.Token);
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{Name} did not receive version {version} of {caseId} within {timeout}.");
            throw;
        }
    }

    /// <summary>
    /// Waits up to <paramref name="liveWait"/> for the live stream to bring this client to <paramref name="stored"/>,
    /// then catches up through the feed from its cursor; answers the cases on which it still differs.
    /// </summary>
    public async Task<IReadOnlyList<string>> ConvergeAsync(IReadOnlyDictionary<string, int> stored, TimeSpan liveWait)
    {
        ArgumentNullException.ThrowIfNull(stored);
        using (var cancel = new CancellationTokenSource(liveWait))
        {
            try
            {
                while (Differences(stored).Count > 0)
                {
                    await NextArrivalAsync(cancel.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // What the live stream did not bring, the feed must.
            }
        }

        if (Differences(stored).Count > 0)
        {
            await CatchUpAsync();
        }

        return Differences(stored);
    }

    /// <summary>Reads /api/feed from the cursor until a page brings nothing new.</summary>
    public async Task CatchUpAsync()
    {
        while (true)
        {
            string? after;
            lock (_gate)
            {
                after = _cursor;
            }

            var page = await _api.ReadFeedAsync(after);
            var items = page["items"]!.AsArray();
            foreach (var item in items)
            {
                Apply(item!["caseId"]!.GetValue<string>(), item["version"]!.GetValue<int>(), cursor: null, live: null);
            }

            lock (_gate)
            {
                _cursor = page["nextCursor"]!.GetValue<string>();
            }

            if (items.Count == 0)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private IReadOnlyList<string> Differences(IReadOnlyDictionary<string, int> stored)
    {
        lock (_gate)
        {
            return
            [
                .. stored
                    .Where(s => _versions.GetValueOrDefault(s.Key) != s.Value)
                    .Select(s => $"{s.Key}: saw {_versions.GetValueOrDefault(s.Key)}, stored {s.Value}"),
            ];
        }
    }

    private void Apply(string caseId, int version, string? cursor, JsonElement? live)
    {
        lock (_gate)
        {
            var seen = _versions.GetValueOrDefault(caseId);
            if (version > seen)
            {
                _versions[caseId] = version;
                if (live is null)
                {
                    CaughtUpFromFeed++;
                }
            }

            // The bridge sends in cursor order, so the latest live event's cursor is where the feed resumes.
            if (cursor is not null)
            {
                _cursor = cursor;
            }
        }

        if (live is { } e)
        {
            _received.Enqueue(e);
        }

        _arrivals.Writer.TryWrite(true);
    }

    private async Task NextArrivalAsync(CancellationToken cancellationToken)
    {
        await _arrivals.Reader.WaitToReadAsync(cancellationToken);
        while (_arrivals.Reader.TryRead(out _))
        {
        }
    }
}
