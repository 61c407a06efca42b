using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Queue;
using OrleansCases.Grains.ReadModel;

namespace OrleansCases.Grains.Queue;

/// <summary>
/// A region's review queue at a glance (docs/design.md section 10). The waiting cases are the region's queue list, read
/// whole at each summary; claim times and escalations come from the region's feed, whose claims carry since when they
/// had waited: the first summary of an activation reads the last day of it, each later one only what came after. One
/// activation per region, so the feed is read once however many portals ask; a summary a second old is answered again.
/// </summary>
public sealed class QueueSummaryGrain(
    CaseTable table,
    IOptions<QueueSummaryOptions> options,
    [FromKeyedServices(CaseClock.Key)] TimeProvider clock) : Grain, IQueueSummaryGrain
{
    /// <summary>How far back claim times are counted.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    // Portals ask again after each queue event (debounced); a burst of events across many portals costs one read.
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);

    private static readonly CasePriority[] MostUrgentFirst = [CasePriority.Emergency, CasePriority.Urgent, CasePriority.Routine];

    private readonly QueueWindow _window = new();
    private QueueSummary? _last;

    public async Task<QueueSummary> GetAsync()
    {
        var now = clock.GetUtcNow();
        if (_last is { } last && now - last.At < Fresh && now >= last.At)
        {
            return last;
        }

        _last = await SummarizeAsync(now).OrUnavailable("The queue summary could not be read; try again.");
        return _last;
    }

    private async Task<QueueSummary> SummarizeAsync(DateTimeOffset now)
    {
        var region = this.GetPrimaryKeyString();
        var head = await table.ReadHeadAsync(region);
        var windowStart = now - Window;
        if (_window.Seq < head.Floor || _window.Seq > head.Seq)
        {
            // What was read is no longer in the feed (a first summary of a region whose feed was pruned; never later, as
            // the feed keeps a day), or the feed started over: read the window afresh.
            _window.Restart(head.Floor);
        }

        // Taken in only once everything is read: a read that fails half-way is read again whole, never counted twice.
        var events = new List<CaseEvent>();
        await foreach (var e in table.ReadQueueEventsAsync(region, _window.Seq, head.Seq, windowStart))
        {
            events.Add(e);
        }

        var queued = await table.ReadQueueAsync(region);
        events.ForEach(_window.Take);
        _window.ReadUpTo(head.Seq);
        _window.Forget(windowStart);
        var dayStart = options.Value.DayStart(now);
        return new QueueSummary(
            region,
            now,
            head.Seq,
            windowStart,
            dayStart,
            [.. MostUrgentFirst.Select(p => _window.Summarize(p, queued, dayStart))]);
    }
}
