using System.Net;
using System.Net.Sockets;

namespace OrleansCases.Web.Tests.Support;

internal static class FreePort
{
    // Below Linux's ephemeral range (32768-60999): a port the OS hands out for port 0 is also what it hands out as the
    // local port of outgoing connections, and one did take a silo's port between the probe and the bind (CI). Above
    // Azurite's 10000-10302 and Orleans' 11111, below its 30000. Each process starts at a random place in the range and
    // walks it, so two test processes rarely probe the same ports, and this one never hands a port out twice.
    private const int First = 20_000;
    private const int Count = 10_000;
    private static int _next = Random.Shared.Next(Count);

    /// <summary>A loopback port nobody listens on right now, outside the range of outgoing connections' ports.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < Count; attempt++)
        {
            var port = First + (Interlocked.Increment(ref _next) % Count);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken by someone else: try the next one.
            }
        }

        throw new InvalidOperationException($"No free loopback port in {First}-{First + Count - 1}.");
    }
}
