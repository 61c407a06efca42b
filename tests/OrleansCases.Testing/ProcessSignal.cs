using System.Diagnostics;
using System.Globalization;

namespace OrleansCases.Testing;

/// <summary>
/// Signals to a process by pid through kill(1), since .NET's Process can only send SIGKILL: TERM stops it as a
/// service manager would (a script started in the background ignores SIGINT), STOP and CONT freeze and thaw it.
/// </summary>
public static class ProcessSignal
{
    /// <summary>Sends <paramref name="signal"/> (a name without "SIG": TERM, STOP, CONT) and waits for kill(1) to finish.</summary>
    public static async Task SendAsync(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync();
    }
}
