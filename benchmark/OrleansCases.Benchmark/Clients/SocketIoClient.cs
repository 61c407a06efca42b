using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace OrleansCases.Benchmark.Clients;

/// <summary>
/// A Socket.IO client for the peer, over WebSockets only: Engine.IO 4 and Socket.IO 5 as socket.io 4.x speaks them
/// (open, CONNECT with auth, ping/pong, EVENT), and connection state recovery (reconnect with the session id and last
/// offset the server gave, so it replays what was missed). Written for the benchmark because the .NET Socket.IO
/// client on NuGet (SocketIOClient 3.0.6) has no connection state recovery; the protocol part it needs is small.
/// </summary>
public sealed class SocketIoClient : IEventClient
{
    private static readonly string[] _eventNames = ["caseStatusUpdate", "caseMessage"];

    private readonly Uri _endpoint;
    private readonly string _auth;
    private readonly EventSink _sink;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private ClientWebSocket _socket = new();
    private Task _receiving = Task.CompletedTask;
    private string? _pid;
    private string? _offset;

    private SocketIoClient(Uri peer, object auth, EventSink sink)
    {
        var ws = new UriBuilder(peer) { Scheme = peer.Scheme == "https" ? "wss" : "ws", Path = "/socket.io/", Query = "EIO=4&transport=websocket" };
        _endpoint = ws.Uri;
        _auth = JsonSerializer.Serialize(auth, JsonSerializerOptions.Web);
        _sink = sink;
    }

    /// <summary>Connects as the user in <paramref name="auth"/> (the peer's handshake: userId, role, region).</summary>
    public static async Task<SocketIoClient> ConnectAsync(Uri peer, object auth, EventSink sink, CancellationToken cancellationToken)
    {
        var client = new SocketIoClient(peer, auth, sink);
        await client.OpenAsync(cancellationToken);
        return client;
    }

    public async Task DropAsync()
    {
        // Abort sends no close frame: the server sees a transport error, keeps the session and buffers for it.
        _socket.Abort();
        try
        {
            await _receiving;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
    }

    public async Task ReconnectAsync(CancellationToken cancellationToken)
    {
        _socket.Dispose();
        _socket = new ClientWebSocket();
        await OpenAsync(cancellationToken);
    }

    /// <summary>Connection state recovery is part of the reconnect: there is no read to refuse.</summary>
    public int Refused => 0;

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await SendAsync("41", CancellationToken.None);
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException)
            {
            }
        }

        _socket.Abort();
        try
        {
            await _receiving;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }

        _socket.Dispose();
        _sendLock.Dispose();
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(_endpoint, cancellationToken);
        var open = await ReceiveTextAsync(cancellationToken) ?? throw new WebSocketException("closed before the open packet");
        if (!open.StartsWith('0'))
        {
            throw new WebSocketException($"expected an Engine.IO open packet, got '{open}'");
        }

        // CONNECT to the main namespace; a recovering client adds the session id and the last offset it saw.
        var auth = _pid is null ? _auth : _auth[..^1] + $",\"pid\":{JsonSerializer.Serialize(_pid)},\"offset\":{JsonSerializer.Serialize(_offset)}}}";
        await SendAsync("40" + auth, cancellationToken);
        while (true)
        {
            var packet = await ReceiveTextAsync(cancellationToken) ?? throw new WebSocketException("closed before CONNECT was answered");
            if (packet.StartsWith("40", StringComparison.Ordinal))
            {
                using var connected = JsonDocument.Parse(packet.AsMemory(2));
                if (connected.RootElement.TryGetProperty("pid", out var pid))
                {
                    _pid = pid.GetString();
                }

                break;
            }

            if (packet.StartsWith("44", StringComparison.Ordinal))
            {
                throw new WebSocketException($"the peer refused the connection: {packet[2..]}");
            }

            Handle(packet);
        }

        _receiving = Task.Run(() => ReceiveLoopAsync(CancellationToken.None), CancellationToken.None);
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        while (await ReceiveTextAsync(cancellationToken) is { } packet)
        {
            if (packet == "2")
            {
                await SendAsync("3", cancellationToken);
            }
            else
            {
                Handle(packet);
            }
        }
    }

    /// <summary>An EVENT packet: <c>42["caseStatusUpdate",{…},"offset"]</c> (or caseMessage); the offset is there when recovery is on.</summary>
    private void Handle(string packet)
    {
        if (!packet.StartsWith("42", StringComparison.Ordinal))
        {
            return;
        }

        var receivedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        using var document = JsonDocument.Parse(packet.AsMemory(2));
        var args = document.RootElement;
        if (args.GetArrayLength() < 2 || !_eventNames.Contains(args[0].GetString()))
        {
            return;
        }

        var update = args[1].Deserialize<ReceivedUpdate>(JsonSerializerOptions.Web)!;
        var count = args.GetArrayLength();
        if (count > 2 && args[count - 1].ValueKind == JsonValueKind.String)
        {
            _offset = args[count - 1].GetString();
        }

        _sink(update.CaseId, update.LedgerVersion, receivedAt);
    }

    private async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next text message, or null when the socket closed.</summary>
    private async Task<string?> ReceiveTextAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var result = await _socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                length += result.Count;
                if (result.EndOfMessage)
                {
                    return Encoding.UTF8.GetString(buffer, 0, length);
                }
            }
        }
        catch (WebSocketException) when (_socket.State is WebSocketState.Aborted or WebSocketState.Closed)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
