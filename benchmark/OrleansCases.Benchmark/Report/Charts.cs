using ScottPlot;

namespace OrleansCases.Benchmark.Report;

/// <summary>The run's charts as PNG files (ScottPlot): receipt latency and server CPU per load, memory per connection, throughput.</summary>
public static class Charts
{
    private const int Width = 1000;
    private const int Height = 480;

    /// <summary>Writes the charts into <paramref name="folder"/> and answers their file names.</summary>
    public static IReadOnlyList<string> Write(BenchmarkResults results, string folder)
    {
        ArgumentNullException.ThrowIfNull(results);
        var written = new List<string>();
        var loads = results.Delivery.Select(r => $"{r.Scenario}\nN={r.Connections} R={r.Rate:0}").Distinct().ToArray();
        if (loads.Length > 0)
        {
            written.Add(Bars(folder, "receipt-latency.png", "S1 receipt latency p99 (ms, log scale)", results.Delivery, loads, r => r.Receipt.P99, log: true));
            written.Add(Bars(folder, "server-cpu.png", "S1 server CPU (% of one core, all server processes)", results.Delivery, loads, r => r.ServerCpuPercent, log: false));
        }

        if (results.Connections.Count > 0)
        {
            written.Add(Lines(folder, "memory-per-connection.png", "S2 memory per idle connection (KiB)", "connections",
                results.Connections.GroupBy(c => c.System).Select(g => (g.Key, g.Select(c => ((double)c.Connections, c.BytesPerConnection / 1024)).ToArray()))));
        }

        if (results.Throughput.Count > 0)
        {
            written.Add(Lines(folder, "throughput.png", "S3 receipt p99 (ms) by rate (transitions/s); the limit is 100 ms", "transitions/s",
                results.Throughput.Select(t => (t.System, t.Steps.Select(s => (s.Rate, s.Receipt.P99)).ToArray())), limit: ThroughputResult.P99LimitMs));
        }

        return written;
    }

    private static string Bars(string folder, string file, string title, IReadOnlyList<LoadResult> runs, string[] loads, Func<LoadResult, double> value, bool log)
    {
        var plot = new Plot();
        var systems = runs.Select(r => r.System).Distinct().ToArray();
        var bars = new List<Bar>();
        for (var s = 0; s < systems.Length; s++)
        {
            var color = Palette(s);
            foreach (var run in runs.Where(r => r.System == systems[s]))
            {
                var v = value(run);
                var load = Array.IndexOf(loads, $"{run.Scenario}\nN={run.Connections} R={run.Rate:0}");
                bars.Add(new Bar
                {
                    Position = load * (systems.Length + 1) + s,
                    Value = log ? Math.Log10(Math.Max(v, 0.1)) : v,
                    FillColor = color,
                    Label = v.ToString(v < 10 ? "0.0" : "0", System.Globalization.CultureInfo.InvariantCulture),
                });
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = systems[s], FillColor = color });
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 11;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. loads.Select((_, i) => i * (systems.Length + 1) + (systems.Length - 1) / 2.0)], loads);
        if (log)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([-1, 0, 1, 2, 3, 4], ["0.1", "1", "10", "100", "1000", "10000"]);
        }

        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.ShowLegend(Alignment.UpperLeft);
        return Save(plot, folder, file);
    }

    private static string Lines(string folder, string file, string title, string x, IEnumerable<(string System, (double X, double Y)[] Points)> series, double? limit = null)
    {
        var plot = new Plot();
        var i = 0;
        foreach (var (system, points) in series)
        {
            var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), Palette(i++));
            line.LegendText = system;
        }

        if (limit is { } l)
        {
            plot.Add.HorizontalLine(l, color: Colors.Gray);
        }

        plot.Title(title);
        plot.XLabel(x);
        plot.ShowLegend(Alignment.UpperLeft);
        return Save(plot, folder, file);
    }

    private static Color Palette(int i) => new ScottPlot.Palettes.Category10().GetColor(i);

    private static string Save(Plot plot, string folder, string file)
    {
        plot.SavePng(Path.Combine(folder, file), Width, Height);
        return file;
    }
}
