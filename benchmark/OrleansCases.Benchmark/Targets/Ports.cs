namespace OrleansCases.Benchmark.Targets;

/// <summary>
/// Where the benchmark's servers listen, all on 127.0.0.1: away from ./run.sh (5080, 5090, 11111, 30000, 10000–10002)
/// and ./test.sh (10100–10102), so the benchmark can run beside either.
/// </summary>
public static class Ports
{
    public const int Web = 5180;
    public const int SiloHttp = 5190;
    public const int Silo = 11211;
    public const int Gateway = 30100;
    public const int AzuriteBlob = 10200;
    public const int AzuriteQueue = 10201;
    public const int AzuriteTable = 10202;
    public const int PeerRooms = 5280;
    public const int PeerBroadcast = 5281;
}
