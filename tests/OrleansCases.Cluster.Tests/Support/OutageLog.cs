namespace OrleansCases.Cluster.Tests.Support;

/// <summary>
/// What the API's callers went through: every attempt that was not answered 2xx, and for each command that had to be
/// retried, the span from its first failed attempt to its answer. Overlapping spans make one episode: a time in which
/// some caller was kept waiting. An outage, seen from the clients, is the longest such episode; <see cref="Since"/>
/// takes the episodes that go on past a moment (the kill), since a freshly started cluster on a busy machine may answer
/// some of its first commands 503 (the API's 2 s deadline), which is not the kill's doing. A lone 503 long after the
/// kill (the machine busy with other test assemblies) is an episode of its own, not a stretch of the kill's outage.
/// </summary>
public sealed class OutageLog
{
    private readonly Lock _gate = new();
    private readonly List<Failure> _failures = [];
    private readonly List<Trouble> _troubles = [];
    private TimeSpan _slowest;
    private TimeSpan _longestAttempt;

    /// <summary>An attempt that started at <paramref name="startedAt"/> failed just now (503, 429, or no answer at all).</summary>
    public void Failed(string kind, DateTimeOffset startedAt)
    {
        lock (_gate)
        {
            _failures.Add(new Failure(kind, startedAt, DateTimeOffset.UtcNow));
        }
    }

    /// <summary>A command whose first failed attempt started at <paramref name="firstFailure"/> was answered 2xx just now.</summary>
    public void Recovered(DateTimeOffset firstFailure)
    {
        lock (_gate)
        {
            _troubles.Add(new Trouble(firstFailure, DateTimeOffset.UtcNow));
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
    /// The outage of the episodes that end after <paramref name="mark"/>: the longest of them (zero when none), when it
    /// began relative to the mark, every episode, and the failed attempts that ended after the mark.
    /// </summary>
    public Outage Since(DateTimeOffset mark) => Window(mark, after: true);

    /// <summary>The same for the episodes that ended before <paramref name="mark"/>.</summary>
    public Outage Before(DateTimeOffset mark) => Window(mark, after: false);

    private Outage Window(DateTimeOffset mark, bool after)
    {
        lock (_gate)
        {
            var failures = _failures.Where(f => f.EndedAt >= mark == after).ToList();
            var episodes = Episodes().Where(e => e.End >= mark == after).ToList();
            if (episodes.Count == 0)
            {
                return new Outage(TimeSpan.Zero, null, Describe(failures), "");
            }

            var longest = episodes.MaxBy(e => e.End - e.Start)!;
            var timeline = string.Join(", ", episodes.Select(e => $"{(e.End - e.Start).TotalSeconds:F1} s at {(e.Start - mark).TotalSeconds:F1} s"));
            return new Outage(longest.End - longest.Start, longest.Start - mark, Describe(failures), timeline);
        }
    }

    // The commands' troubles, merged where they overlap, in time order.
    private List<Trouble> Episodes()
    {
        var episodes = new List<Trouble>();
        foreach (var trouble in _troubles.OrderBy(t => t.Start))
        {
            if (episodes.Count > 0 && trouble.Start <= episodes[^1].End)
            {
                episodes[^1] = episodes[^1] with { End = trouble.End > episodes[^1].End ? trouble.End : episodes[^1].End };
            }
            else
            {
                episodes.Add(trouble);
            }
        }

        return episodes;
    }

    private static string Describe(List<Failure> failures) => failures.Count == 0
        ? "no failed attempts"
        : string.Join(", ", failures.GroupBy(f => f.Kind).Select(g => $"{g.Count()} × {g.Key}"));

    private sealed record Failure(string Kind, DateTimeOffset StartedAt, DateTimeOffset EndedAt);

    // From a command's first failed attempt to its answer.
    private sealed record Trouble(DateTimeOffset Start, DateTimeOffset End);
}

/// <summary>
/// An outage seen by the callers: its longest episode, when that began relative to the mark, what failed, and every
/// episode (length at start, relative to the mark).
/// </summary>
public sealed record Outage(TimeSpan Length, TimeSpan? StartedAfterMark, string Failures, string Episodes)
{
    public override string ToString() => StartedAfterMark is { } start
        ? $"{Failures}, longest {Length.TotalSeconds:F1} s from {start.TotalSeconds:F1} s after the kill (episodes: {Episodes})"
        : Failures;
}
