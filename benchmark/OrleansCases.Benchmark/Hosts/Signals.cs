using System.Diagnostics;
using System.Globalization;

namespace OrleansCases.Benchmark.Hosts;

/// <summary>POSIX signals to the servers: SIGTERM for a graceful stop (Process.Kill only knows SIGKILL).</summary>
internal static class Signals
{
    public static void Terminate(int pid)
    {
        using var kill = Process.Start("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
