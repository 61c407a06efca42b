using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Queue;

namespace OrleansCases.Grains.Queue;

/// <summary>
/// The claims and escalations of a region's recent past, taken in from its feed in seq order, and the figures a queue
/// summary tells from them. <see cref="Seq"/> is how far the feed has been read: the next read starts after it.
/// </summary>
public sealed class QueueWindow
{
    private readonly List<(DateTimeOffset At, CasePriority Priority, TimeSpan Waited)> _claims = [];
    private readonly List<(DateTimeOffset At, CasePriority Priority)> _escalations = [];

    public long Seq { get; private set; }

    /// <summary>Forgets everything and reads on from <paramref name="seq"/>: a first read, or one after the feed was pruned past <see cref="Seq"/>.</summary>
    public void Restart(long seq)
    {
        _claims.Clear();
        _escalations.Clear();
        Seq = seq;
    }

    /// <summary>Takes in an event of the feed; other events than claims and escalations are no part of the figures.</summary>
    public void Take(CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Message is not null)
        {
            return;
        }

        if (e.Action == CaseAction.Claim && e.WaitedSince is { } since)
        {
            _claims.Add((e.Timestamp, e.Priority, e.Timestamp >= since ? e.Timestamp - since : TimeSpan.Zero));
        }
        else if (e.Action == CaseAction.Escalate)
        {
            _escalations.Add((e.Timestamp, e.Priority));
        }
    }

    /// <summary>The feed has been read up to <paramref name="seq"/>.</summary>
    public void ReadUpTo(long seq) => Seq = Math.Max(Seq, seq);

    /// <summary>Drops what happened before <paramref name="start"/>.</summary>
    public void Forget(DateTimeOffset start)
    {
        _claims.RemoveAll(c => c.At < start);
        _escalations.RemoveAll(e => e.At < start);
    }

    /// <summary>
    /// One priority's figures: <paramref name="queued"/> are the region's waiting cases (any priority); claim times count
    /// every claim still in the window, escalations those at or after <paramref name="dayStart"/>.
    /// </summary>
    public PriorityQueueSummary Summarize(CasePriority priority, IReadOnlyCollection<CaseRecord> queued, DateTimeOffset dayStart)
    {
        ArgumentNullException.ThrowIfNull(queued);
        var waiting = queued.Where(c => c.Priority == priority).ToList();
        var waits = _claims.Where(c => c.Priority == priority).Select(c => c.Waited).Order().ToList();
        return new PriorityQueueSummary(
            priority,
            Waiting: waiting.Count,
            OldestWaitingSince: waiting.Count == 0 ? null : waiting.Min(c => c.WaitingSince ?? c.UpdatedAt),
            Claims: waits.Count,
            ClaimTimeP50: Percentile(waits, 50),
            ClaimTimeP90: Percentile(waits, 90),
            EscalationsToday: _escalations.Count(e => e.Priority == priority && e.At >= dayStart));
    }

    /// <summary>The nearest-rank percentile of sorted durations: a duration that was observed, null of none.</summary>
    public static TimeSpan? Percentile(IReadOnlyList<TimeSpan> sorted, int percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        return sorted.Count == 0 ? null : sorted[((sorted.Count * percent) + 99) / 100 - 1];
    }
}
