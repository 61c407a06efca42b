using System.Diagnostics;
using System.Globalization;

namespace OrleansCases.Web.Tests.Support;

/// <summary>Signals to another process (.NET's Process can only kill): SIGTERM, SIGSTOP, SIGCONT.</summary>
internal static class ProcessSignal
{
    public static async Task SendAsync(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }
}
