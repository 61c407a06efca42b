namespace OrleansCases.Cluster.Tests.Support;

/// <summary>
/// What the API's callers went through: every attempt that was not answered 2xx, and when the commands that had to
/// be retried were finally answered. An outage, seen from the clients, runs from the first failed attempt to the
/// last of those answers; <see cref="Since"/> splits it at a moment (the kill), since a freshly started cluster on a
/// busy machine may answer some of its first commands 503 (the API's 2 s deadline), which is not the kill's doing.
/// </summary>
public sealed class OutageLog
{
    private readonly Lock _gate = new();
    private readonly List<Failure> _failures = [];
    private readonly List<Recovery> _recoveries = [];
    private TimeSpan _slowest;
    private TimeSpan _longestAttempt;

    /// <summary>An attempt that started at <paramref name="startedAt"/> failed just now (503, 429, or no answer at all); answers now.</summary>
    public DateTimeOffset Failed(string kind, DateTimeOffset startedAt)
    {
        var endedAt = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            _failures.Add(new Failure(kind, startedAt, endedAt));
        }

        return endedAt;
    }

    /// <summary>A command whose last failed attempt ended at <paramref name="lastFailure"/> was answered 2xx just now.</summary>
    public void Recovered(DateTimeOffset lastFailure)
    {
        lock (_gate)
        {
            _recoveries.Add(new Recovery(lastFailure, DateTimeOffset.UtcNow));
        }
    }

    /// <summary>A command was answered 2xx this long after it was first sent, retries included.</summary>
    public void Answered(TimeSpan took)
    {
        lock (_gate)
        {
            _slowest = took > _slowest ? took : _slowest;
        }
    }

    /// <summary>One attempt (one HTTP request) took this long, answered or not.</summary>
    public void Attempted(TimeSpan took)
    {
        lock (_gate)
        {
            _longestAttempt = took > _longestAttempt ? took : _longestAttempt;
        }
    }

    /// <summary>The longest a single attempt waited for its answer: what a caller waits before it can retry.</summary>
    public TimeSpan LongestAttempt
    {
        get
        {
            lock (_gate)
            {
                return _longestAttempt;
            }
        }
    }

    /// <summary>The longest any command took to be answered 2xx, retries included.</summary>
    public TimeSpan Slowest
    {
        get
        {
            lock (_gate)
            {
                return _slowest;
            }
        }
    }

    /// <summary>
    /// The outage of the failures that ended at or after <paramref name="mark"/>: from the first of them to the last
    /// answer of a command among them (zero when none failed), with the failures it counts.
    /// </summary>
    public Outage Since(DateTimeOffset mark) => Window(f => f >= mark, mark);

    /// <summary>The same for the failures that ended before <paramref name="mark"/>.</summary>
    public Outage Before(DateTimeOffset mark) => Window(f => f < mark, mark);

    private Outage Window(Func<DateTimeOffset, bool> counts, DateTimeOffset mark)
    {
        lock (_gate)
        {
            var failures = _failures.Where(f => counts(f.EndedAt)).ToList();
            var answers = _recoveries.Where(r => counts(r.LastFailure)).Select(r => r.AnsweredAt).ToList();
            if (failures.Count == 0 || answers.Count == 0)
            {
                return new Outage(TimeSpan.Zero, null, Describe(failures));
            }

            var first = failures.Min(f => f.StartedAt);
            return new Outage(answers.Max() - first, first - mark, Describe(failures));
        }
    }

    private static string Describe(List<Failure> failures) => failures.Count == 0
        ? "no failed attempts"
        : string.Join(", ", failures.GroupBy(f => f.Kind).Select(g => $"{g.Count()} × {g.Key}"));

    private sealed record Failure(string Kind, DateTimeOffset StartedAt, DateTimeOffset EndedAt);

    private sealed record Recovery(DateTimeOffset LastFailure, DateTimeOffset AnsweredAt);
}

/// <summary>An outage seen by the callers: how long, when it began relative to the mark, and what failed.</summary>
public sealed record Outage(TimeSpan Length, TimeSpan? StartedAfterMark, string Failures)
{
    public override string ToString() => StartedAfterMark is { } start
        ? $"{Failures}, {Length.TotalSeconds:F1} s from {start.TotalSeconds:F1} s after the kill"
        : Failures;
}
