using System.Net;
using System.Net.Sockets;

namespace OrleansCases.Web.Tests.Support;

/// <summary>
/// A phone's network between a browser and a web instance: a loopback TCP relay that can be cut. Cut, it resets every
/// open connection (the live WebSocket too) and each new one, so every request fails as it does on a phone without
/// signal, the service worker's included (Chromium's offline emulation does not reach service workers).
/// </summary>
public sealed class NetworkSwitch : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private volatile bool _up = true;

    private NetworkSwitch(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>Where the browser goes: the web instance, through this network.</summary>
    public Uri Address { get; }

    public static NetworkSwitch To(Uri web) => new(web.Port);

    /// <summary>The signal is gone: open connections are reset, new ones refused.</summary>
    public void Cut()
    {
        _up = false;
        lock (_open)
        {
            foreach (var client in _open)
            {
                Reset(client);
            }

            _open.Clear();
        }
    }

    public void Restore() => _up = true;

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (!_up)
            {
                Reset(client);
                continue;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stopping.Token);
            lock (_open)
            {
                _open.Add(client);
                _open.Add(server);
            }

            var browser = client.GetStream();
            var web = server.GetStream();
            // Either direction ending ends both: the other side sees the connection closed.
            await Task.WhenAny(browser.CopyToAsync(web, _stopping.Token), web.CopyToAsync(browser, _stopping.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Cut, or one side went away.
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(client);
                _open.Remove(server);
            }

            client.Dispose();
        }
    }

    // A reset rather than a close, as a dropped network looks to the browser: no orderly end of the stream.
    private static void Reset(TcpClient client)
    {
        try
        {
            client.Client.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }

        client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        Cut();
        _stopping.Dispose();
    }
}
