using System.Net.WebSockets;
using System.Text;

namespace OrleansCases.Web.Tests.Support;

/// <summary>
/// A bare WebSocket to the case hub, beneath any SignalR client: for tests of what the server does to the connection
/// itself (connection limits, a client that never reads).
/// </summary>
internal static class RawHubSocket
{
    // SignalR's JSON protocol ends every message, the handshake included, with this character.
    private const char RecordSeparator = '\u001e';

    /// <summary>Opens the WebSocket (no SignalR handshake yet); throws WebSocketException when the server refuses it.</summary>
    public static async Task<ClientWebSocket> ConnectAsync(WebInstance web, string token)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        try
        {
            await socket.ConnectAsync(new Uri($"ws://{web.Address.Authority}/hubs/cases"), CancellationToken.None);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends SignalR's handshake (JSON protocol), after which the hub sends the connection its events.</summary>
    public static Task HandshakeAsync(this ClientWebSocket socket) => socket.SendAsync(
        Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator),
        WebSocketMessageType.Text,
        endOfMessage: true,
        CancellationToken.None);
}
