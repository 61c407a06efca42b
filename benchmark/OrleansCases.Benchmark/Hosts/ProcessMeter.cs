using System.Diagnostics;
using System.Globalization;

namespace OrleansCases.Benchmark.Hosts;

/// <summary>
/// CPU time and resident memory of a set of processes over a window, read from /proc: CPU as a share of one core
/// (utime + stime over wall time), memory as the peak RSS sampled every 100 ms and the RSS at the end.
/// </summary>
public sealed class ProcessMeter : IAsyncDisposable
{
    private static readonly double _ticksPerSecond = 100; // USER_HZ; 100 on every Linux this runs on
    private readonly IReadOnlyList<(string Name, int Pid)> _processes;
    private readonly long[] _startTicks;
    private readonly long[] _peakRss;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    private ProcessMeter(IReadOnlyList<(string Name, int Pid)> processes)
    {
        _processes = processes;
        _startTicks = processes.Select(p => CpuTicks(p.Pid)).ToArray();
        _peakRss = processes.Select(p => Rss(p.Pid)).ToArray();
        _sampling = SampleAsync(_stop.Token);
    }

    public static ProcessMeter Start(IEnumerable<(string Name, int Pid)> processes) => new(processes.ToArray());

    /// <summary>Ends the window: CPU % of one core, peak and final RSS in bytes, per process.</summary>
    public async Task<IReadOnlyList<ProcessUsage>> StopAsync()
    {
        var seconds = Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;
        await _stop.CancelAsync();
        await _sampling;
        return _processes.Select((p, i) =>
        {
            var rss = Rss(p.Pid);
            return new ProcessUsage(
                p.Name, (CpuTicks(p.Pid) - _startTicks[i]) / _ticksPerSecond / seconds * 100, Math.Max(_peakRss[i], rss), rss);
        }).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    /// <summary>The resident set of <paramref name="pid"/> in bytes (0 when it is gone).</summary>
    public static long Rss(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    /// <summary>utime + stime of <paramref name="pid"/> in clock ticks (0 when it is gone).</summary>
    public static long CpuTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After "pid (comm) ": state is field 3, utime field 14, stime field 15.
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                for (var i = 0; i < _processes.Count; i++)
                {
                    _peakRss[i] = Math.Max(_peakRss[i], Rss(_processes[i].Pid));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}

/// <summary>One process over one window: CPU as % of one core, peak and final resident memory in bytes.</summary>
public sealed record ProcessUsage(string Name, double CpuPercent, long PeakRss, long FinalRss);
