using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace OrleansCases.Benchmark.Clients;

/// <summary>
/// A portal's connection to OrleansCases, made with the official .NET SignalR client straight over WebSockets. It
/// skips the negotiate request the portal makes first, as the peer's client skips Engine.IO's polling start, so each
/// client holds one TCP connection on either system (the negotiate's kept-alive connection would double the web's,
/// where a browser shares one with its other requests). It remembers the cursor of the last event, and after a drop
/// catches up from it through /api/feed, as the portal does.
/// </summary>
public sealed class SignalRClient : IEventClient
{
    private const int FeedPage = 500;

    private readonly Uri _web;
    private readonly string _token;
    private readonly HttpClient _http;
    private readonly EventSink _sink;
    private HubConnection _connection;
    private volatile string? _cursor;
    private int _refused;

    private SignalRClient(Uri web, string token, HttpClient http, EventSink sink)
    {
        _web = web;
        _token = token;
        _http = http;
        _sink = sink;
        _connection = Build();
    }

    public static async Task<SignalRClient> ConnectAsync(Uri web, string token, HttpClient http, EventSink sink, CancellationToken cancellationToken)
    {
        var client = new SignalRClient(web, token, http, sink);
        await client._connection.StartAsync(cancellationToken);
        return client;
    }

    public async Task DropAsync()
    {
        // A portal always holds a cursor (its lists answer one): one that has seen no event yet reads the head first.
        _ = _cursor ?? await HeadAsync(CancellationToken.None);

        // The .NET client has no way to cut a socket without a close frame; stopping is what the server sees of a
        // lost phone once its keep-alive runs out, only sooner.
        await _connection.DisposeAsync();
    }

    public async Task ReconnectAsync(CancellationToken cancellationToken)
    {
        _connection = Build();
        await _connection.StartAsync(cancellationToken);
        var cursor = _cursor ?? await HeadAsync(cancellationToken);
        while (true)
        {
            var page = await ReadFeedAsync($"/api/feed?after={Uri.EscapeDataString(cursor)}&limit={FeedPage}", cancellationToken);
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            foreach (var item in page.Items)
            {
                _sink(item.CaseId, item.LedgerVersion, now);
            }

            if (page.NextCursor == cursor || page.Items.Count == 0)
            {
                break;
            }

            cursor = page.NextCursor;
        }
    }

    public int Refused => Volatile.Read(ref _refused);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    /// <summary>Reads the feed's head, so that a client that has seen no event yet has a cursor to catch up from.</summary>
    public async Task<string> HeadAsync(CancellationToken cancellationToken)
    {
        var page = await ReadFeedAsync("/api/feed", cancellationToken);
        _cursor ??= page.NextCursor;
        return _cursor;
    }

    /// <summary>
    /// GET of a feed page as the API asks of its clients: a 503 (the web sheds load past its deadline or its
    /// concurrency limit) or a 429 is retried after its Retry-After, as the portal does.
    /// </summary>
    private async Task<FeedAnswer> ReadFeedAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_web, path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            using var response = await _http.SendAsync(request, cancellationToken);
            if (response.StatusCode is System.Net.HttpStatusCode.ServiceUnavailable or System.Net.HttpStatusCode.TooManyRequests)
            {
                Interlocked.Increment(ref _refused);
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
                continue;
            }

            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<FeedAnswer>(cancellationToken) ?? throw new InvalidOperationException("empty feed answer");
        }
    }

    private HubConnection Build()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_web, "/hubs/cases"), HttpTransportType.WebSockets, o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(_token);
                o.SkipNegotiation = true;
            })
            .Build();
        foreach (var method in new[] { "caseStatusUpdate", "caseMessage" })
        {
            connection.On<ReceivedUpdate>(method, update =>
            {
                _sink(update.CaseId, update.LedgerVersion, System.Diagnostics.Stopwatch.GetTimestamp());
                _cursor = update.Cursor;
            });
        }

        connection.On<string>("resync", _ => { });
        return connection;
    }

    private sealed record FeedAnswer(IReadOnlyList<ReceivedUpdate> Items, string NextCursor);
}
