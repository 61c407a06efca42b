using System.Globalization;
using System.Runtime.InteropServices;

namespace OrleansCases.Benchmark.Report;

/// <summary>The machine a run was measured on, in one line: OS, cores and their model, memory, .NET and Node.</summary>
public static class Machine
{
    public static string Describe()
    {
        var os = Read("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?[12..].Trim('"') ?? RuntimeInformation.OSDescription;
        var cpu = Read("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = Read("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } m
            ? long.Parse(m[9..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0 / 1024.0
            : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"{os}, {Environment.ProcessorCount} cores ({cpu}), {memory:0} GiB, {RuntimeInformation.FrameworkDescription}, Node {NodeVersion()}");
    }

    private static IEnumerable<string> Read(string path) => File.Exists(path) ? File.ReadLines(path) : [];

    private static string NodeVersion()
    {
        try
        {
            using var node = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("node", ["--version"]) { RedirectStandardOutput = true });
            var version = node!.StandardOutput.ReadToEnd().Trim();
            node.WaitForExit();
            return version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not found";
        }
    }
}
