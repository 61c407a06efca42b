using System.Diagnostics;
using OrleansCases.Benchmark.Hosts;
using OrleansCases.Benchmark.Report;

namespace OrleansCases.Benchmark.Load;

/// <summary>
/// One measurement of a session at one rate: a warm-up at that rate (not recorded), then the measured window, then
/// a wait for late deliveries. Server CPU and memory are read over the measured window only.
/// </summary>
public static class LoadRun
{
    private static readonly TimeSpan _drain = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <paramref name="send"/> sends at a rate for a while into a ledger; without one, the transitions of
    /// <see cref="OpenLoop"/>.
    /// </summary>
    public static async Task<LoadResult> MeasureAsync(
        LoadSession session, string scenario, double rate, TimeSpan duration, TimeSpan warmUp, CancellationToken cancellationToken,
        Func<DeliveryLedger, double, TimeSpan, CancellationToken, Task>? send = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var seed = 0;
        send ??= (into, r, d, ct) => OpenLoop.RunAsync(session, into, r, d, ++seed, ct);
        if (warmUp > TimeSpan.Zero)
        {
            var warm = session.NewLedger();
            session.RecordInto(warm);
            await send(warm, rate, warmUp, cancellationToken);
            await warm.DrainAsync(_drain);
        }

        var ledger = session.NewLedger();
        session.RecordInto(ledger);
        var load = Process.GetCurrentProcess();
        var loadCpu = load.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var meter = ProcessMeter.Start(session.Target.Processes);
        await send(ledger, rate, duration, cancellationToken);
        var usage = await meter.StopAsync();
        load.Refresh();
        var loadPercent = (load.TotalProcessorTime - loadCpu).TotalSeconds / Stopwatch.GetElapsedTime(started).TotalSeconds * 100;
        await ledger.DrainAsync(_drain);
        session.RecordInto(null);
        return new LoadResult(
            session.Target.Name, scenario, session.Users.Label, session.Users.Connections.Count, rate, duration.TotalSeconds,
            ledger.CommandsOk, ledger.CommandsFailed, ledger.Failures, ledger.NotSent, ledger.Expected, ledger.Received, ledger.Duplicates,
            ledger.Unentitled, Percentiles.Of(ledger.Receipt), Percentiles.Of(ledger.Command), usage, Math.Round(loadPercent, 1));
    }
}
