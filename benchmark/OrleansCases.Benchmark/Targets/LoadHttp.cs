namespace OrleansCases.Benchmark.Targets;

/// <summary>The load's HTTP client: keep-alive connections, enough of them for an open-loop rate of commands.</summary>
public static class LoadHttp
{
    public static HttpClient Create() => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 512,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };
}
