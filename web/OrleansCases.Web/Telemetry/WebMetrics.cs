using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OrleansCases.Abstractions;

namespace OrleansCases.Web.Telemetry;

/// <summary>
/// What a web instance counts, for Prometheus and for the admin view: connections by role and region, events the
/// bridge sent and how late, feed catch-ups, and refused requests by reason.
/// </summary>
public sealed class WebMetrics
{
    private readonly ConcurrentDictionary<(string Role, string Region), int> _connections = new();
    private readonly Counter<long> _delivered;
    private readonly Histogram<double> _lag;
    private readonly Counter<long> _catchUps;
    private readonly Counter<long> _rejected;
    private long _deliveredTotal;
    private long _maxLagMicroseconds;

    public WebMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(CaseTelemetry.Name);
        meter.CreateObservableUpDownCounter(
            "orleanscases.connections",
            () => _connections.Select(c => new Measurement<int>(c.Value, new("role", c.Key.Role), new("region", c.Key.Region))),
            "{connection}", "SignalR connections of this instance, by role and region.");
        _delivered = meter.CreateCounter<long>("orleanscases.events.delivered", "{event}", "Case events the bridge sent to SignalR groups, by region and kind (status or message).");
        _lag = meter.CreateHistogram<double>(
            "orleanscases.bridge.lag", "s", "From the case grain deciding a change to the bridge sending it.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _catchUps = meter.CreateCounter<long>("orleanscases.feed.catchups", "{request}", "GET /api/feed answers, by outcome (ok or gone).");
        _rejected = meter.CreateCounter<long>("orleanscases.requests.rejected", "{request}", "Requests answered 4xx or 5xx, by reason.");
    }

    public long DeliveredTotal => Interlocked.Read(ref _deliveredTotal);

    /// <summary>Connections now, as "role/region" (an admin's region is "all").</summary>
    public IReadOnlyDictionary<string, int> Connections() =>
        _connections.Where(c => c.Value > 0).ToDictionary(c => $"{c.Key.Role}/{c.Key.Region}", c => c.Value);

    /// <summary>The largest bridge lag since the last call, and starts measuring again.</summary>
    public TimeSpan TakeMaxLag() => TimeSpan.FromMicroseconds(Interlocked.Exchange(ref _maxLagMicroseconds, 0));

    public void Connected(UserRef user) => _connections.AddOrUpdate(KeyOf(user), 1, (_, n) => n + 1);

    public void Disconnected(UserRef user) => _connections.AddOrUpdate(KeyOf(user), 0, (_, n) => Math.Max(0, n - 1));

    public void Delivered(CaseEvent e, TimeSpan lag)
    {
        ArgumentNullException.ThrowIfNull(e);
        var region = new KeyValuePair<string, object?>("region", e.Region);
        _delivered.Add(1, region, new KeyValuePair<string, object?>("kind", e.Message is null ? "status" : "message"));
        _lag.Record(Math.Max(0, lag.TotalSeconds), region);
        Interlocked.Increment(ref _deliveredTotal);
        var micros = (long)Math.Max(0, lag.TotalMicroseconds);
        for (var max = Interlocked.Read(ref _maxLagMicroseconds); micros > max;)
        {
            var seen = Interlocked.CompareExchange(ref _maxLagMicroseconds, micros, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    public void FeedRead(bool gone) => _catchUps.Add(1, new KeyValuePair<string, object?>("outcome", gone ? "gone" : "ok"));

    public void Rejected(string reason) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    private static (string, string) KeyOf(UserRef user) => (WireName.Of(user.Role), user.Region ?? "all");
}
