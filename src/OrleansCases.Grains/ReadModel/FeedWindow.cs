namespace OrleansCases.Grains.ReadModel;

/// <summary>
/// What a region log knows of its retained feed: the floor (highest pruned seq) and when the events after it were
/// stored. Not per event: consecutive events are kept as a few spans, each with the latest time of its events, and
/// an event may go once it and every event before it are old enough, so pruning walks the spans from the oldest and
/// stops at the first that is too recent. Lives in memory only; a log that (re)loads its head starts over from the
/// head row with <see cref="Reset"/>.
/// </summary>
public sealed class FeedWindow
{
    /// <summary>How many feed rows' times one read from storage learns (keys and times only: a small page).</summary>
    public const int ReadSize = 500;

    // Events stored within MinAge / SpansPerMinAge of a span's first share it: at most that many spans per MinAge of
    // traffic, at the price of pruning that much later than the age alone would allow.
    private const int SpansPerMinAge = 64;

    private readonly List<Span> _spans = [];
    private readonly int _minEvents;
    private readonly TimeSpan _minAge;
    private readonly TimeSpan _spanWidth;

    public FeedWindow(FeedRetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _minEvents = options.MinEvents;
        _minAge = options.MinAge;
        _spanWidth = options.MinAge / SpansPerMinAge;
    }

    /// <summary>The highest pruned seq: events up to it are gone from storage, every one after it is there.</summary>
    public long Floor { get; private set; }

    /// <summary>
    /// Starts over from the head row. All the log then knows of the events after the floor is that they were stored
    /// by the head's time at the latest: one coarse span, refined from storage (<see cref="Learn"/>) when that time is
    /// too recent to prune by.
    /// </summary>
    public void Reset(RegionHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        _spans.Clear();
        Floor = head.Floor;
        if (head.Seq > head.Floor)
        {
            var at = head.At ?? DateTimeOffset.MaxValue;
            _spans.Add(new Span(head.Seq, at, at, Coarse: true));
        }
    }

    /// <summary>
    /// Whether the log should read when the oldest retained events were stored before its next batch (ending at
    /// <paramref name="nextHead"/> or later): they are far enough behind the head to go, but the log only knows them
    /// by a later time that is still too recent. Never true while the region has no more than MinEvents events.
    /// </summary>
    public bool NeedsTimes(long nextHead, DateTimeOffset now) =>
        _spans.Count > 0 && _spans[0].Coarse && !IsOld(_spans[0], now) && Floor + 1 <= nextHead - _minEvents - 1;

    /// <summary>
    /// Learns when the events right after the floor were stored (<paramref name="rows"/>: seq and time, oldest first,
    /// as read from storage). Only an unbroken run from <see cref="Floor"/> + 1 counts.
    /// </summary>
    public void Learn(IReadOnlyList<(long Seq, DateTimeOffset At)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (_spans.Count == 0 || !_spans[0].Coarse)
        {
            return;
        }

        var coarse = _spans[0];
        var learned = new List<Span>();
        var expected = Floor + 1;
        foreach (var (seq, at) in rows)
        {
            if (seq != expected || seq > coarse.Last)
            {
                break;
            }

            expected++;
            if (learned.Count > 0 && learned[^1].At == at)
            {
                // One batch's events share their time.
                learned[^1] = learned[^1] with { Last = seq };
            }
            else
            {
                learned.Add(new Span(seq, at, at, Coarse: false));
            }
        }

        if (learned.Count == 0)
        {
            return;
        }

        // The rest of the coarse span keeps the head's time: still a bound for the events it holds.
        if (learned[^1].Last == coarse.Last)
        {
            _spans.RemoveAt(0);
        }

        _spans.InsertRange(0, learned);
    }

    /// <summary>What a batch written at <paramref name="now"/> may prune.</summary>
    public FeedPruning Pruning(DateTimeOffset now)
    {
        var oldUpTo = Floor;
        foreach (var span in _spans)
        {
            if (!IsOld(span, now))
            {
                break;
            }

            oldUpTo = span.Last;
        }

        return new FeedPruning(Floor, oldUpTo, _minEvents);
    }

    /// <summary>Records a stored batch: its events up to <paramref name="head"/> stored at <paramref name="at"/>, and its new floor.</summary>
    public void Stored(long head, DateTimeOffset at, long floor)
    {
        var last = _spans.Count > 0 ? _spans[^1] : (Span?)null;
        if (head > (last?.Last ?? Floor))
        {
            if (last is { Coarse: false } tail && at - tail.First < _spanWidth)
            {
                _spans[^1] = tail with { Last = head, At = Max(tail.At, at) };
            }
            else
            {
                _spans.Add(new Span(head, at, at, Coarse: false));
            }
        }

        var gone = 0;
        while (gone < _spans.Count && _spans[gone].Last <= floor)
        {
            gone++;
        }

        _spans.RemoveRange(0, gone);
        Floor = Math.Max(Floor, floor);
    }

    // Strictly older: an event exactly MinAge old stays.
    private bool IsOld(Span span, DateTimeOffset now) => span.At < now - _minAge;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>
    /// The events after the previous span (or the floor) up to <see cref="Last"/>, stored no later than
    /// <see cref="At"/>; <see cref="First"/> is when the span was opened. A coarse span's events may be much older
    /// than its time: reading them from storage may show which can go.
    /// </summary>
    private readonly record struct Span(long Last, DateTimeOffset First, DateTimeOffset At, bool Coarse);
}
