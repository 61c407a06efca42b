using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Queue;

namespace OrleansCases.Web.Queue;

/// <summary>
/// A region's review queue at a glance: one item per priority, most urgent first. <see cref="Seq"/> is the region's last
/// event the summary knows: a portal that has seen a later one asks again. Claim times count the claims since
/// <see cref="WindowStart"/> (a day back), escalations those since <see cref="DayStart"/>.
/// </summary>
public sealed record QueueSummaryResponse(
    string Region, DateTimeOffset At, long Seq, DateTimeOffset WindowStart, DateTimeOffset DayStart, IReadOnlyList<QueuePriorityResponse> Priorities)
{
    public static QueueSummaryResponse From(QueueSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.Region, summary.At, summary.Seq, summary.WindowStart, summary.DayStart, [.. summary.Priorities.Select(QueuePriorityResponse.From)]);
    }
}

/// <summary>
/// One priority's queue: cases waiting unclaimed and since when the oldest waits; claims of the last day and how long
/// they had waited, in seconds (median, 90th percentile; null without claims); escalations today.
/// </summary>
public sealed record QueuePriorityResponse(
    CasePriority Priority,
    int Waiting,
    DateTimeOffset? OldestWaitingSince,
    int Claims,
    double? ClaimTimeP50Seconds,
    double? ClaimTimeP90Seconds,
    int EscalationsToday)
{
    public static QueuePriorityResponse From(PriorityQueueSummary p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Priority, p.Waiting, p.OldestWaitingSince, p.Claims, Seconds(p.ClaimTimeP50), Seconds(p.ClaimTimeP90), p.EscalationsToday);
    }

    // To the tenth of a second: finer is noise to a reader of a chart.
    private static double? Seconds(TimeSpan? time) => time is { } t ? Math.Round(t.TotalSeconds, 1) : null;
}
