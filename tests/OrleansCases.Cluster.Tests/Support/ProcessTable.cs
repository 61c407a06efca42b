using System.Diagnostics;
using System.Globalization;

namespace OrleansCases.Cluster.Tests.Support;

/// <summary>
/// SIGKILL and liveness of processes by pid (liveness through /proc); the signals .NET cannot send go through
/// <see cref="OrleansCases.Testing.ProcessSignal"/>.
/// </summary>
public static class ProcessTable
{
    /// <summary>SIGKILL: the process dies at once, as in a crash or an out-of-memory kill.</summary>
    public static void Kill(int pid)
    {
        using var process = Process.GetProcessById(pid);
        process.Kill();
        process.WaitForExit();
    }

    /// <summary>
    /// The command line of a live process, or null when there is none by that pid (a zombie has an empty one, and
    /// a pid reused by another program shows another command line).
    /// </summary>
    public static string? CommandLineOf(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Replace('\0', ' ').Trim();
            return text.Length == 0 ? null : text;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
