namespace OrleansCases.Cluster.Tests.Support;

/// <summary>
/// What the API's callers went through: every attempt that was not answered 2xx, and when the commands that had to
/// be retried were finally answered. The outage, seen from the clients, runs from the first failed attempt to the
/// last of those answers.
/// </summary>
public sealed class OutageLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _failures = [];
    private DateTimeOffset? _firstFailure;
    private DateTimeOffset? _lastFailure;
    private DateTimeOffset? _lastRecovery;
    private TimeSpan _slowest;
    private TimeSpan _longestAttempt;

    /// <summary>An attempt that started at <paramref name="startedAt"/> failed: 503, 429, or no answer at all.</summary>
    public void Failed(string kind, DateTimeOffset startedAt)
    {
        lock (_gate)
        {
            _failures[kind] = _failures.GetValueOrDefault(kind) + 1;
            _firstFailure = _firstFailure is { } first && first < startedAt ? first : startedAt;
            _lastFailure = DateTimeOffset.UtcNow;
        }
    }

    /// <summary>A command that had failed before was answered 2xx.</summary>
    public void Recovered(DateTimeOffset answeredAt)
    {
        lock (_gate)
        {
            _lastRecovery = _lastRecovery is { } last && last > answeredAt ? last : answeredAt;
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

    public int Count(string kind)
    {
        lock (_gate)
        {
            return _failures.GetValueOrDefault(kind);
        }
    }

    /// <summary>When the last failed attempt ended, if any did.</summary>
    public DateTimeOffset? LastFailure
    {
        get
        {
            lock (_gate)
            {
                return _lastFailure;
            }
        }
    }

    /// <summary>From the first failed attempt to the last retried command's answer; zero when nothing failed.</summary>
    public TimeSpan Outage
    {
        get
        {
            lock (_gate)
            {
                return _firstFailure is { } first && _lastRecovery is { } last ? last - first : TimeSpan.Zero;
            }
        }
    }

    /// <summary>When the first failed attempt started, relative to <paramref name="since"/>.</summary>
    public TimeSpan? FirstFailureAfter(DateTimeOffset since)
    {
        lock (_gate)
        {
            return _firstFailure - since;
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return _failures.Count == 0 ? "no failed attempts" : string.Join(", ", _failures.Select(f => $"{f.Value} × {f.Key}"));
        }
    }
}
