using Azure;
using OrleansCases.Grains.ReadModel;
using Xunit;

namespace OrleansCases.Grains.Tests.ReadModel;

/// <summary>What a region log knows of its oldest retained events, and when it has to read their times.</summary>
[Trait("Category", "Grains")]
public sealed class FeedWindowTests
{
    private static readonly TimeSpan _minAge = TimeSpan.FromHours(24);
    private static readonly DateTimeOffset _t0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FeedWindow _window = new(new FeedRetentionOptions { MinEvents = 5, MinAge = _minAge });

    [Fact]
    public void Events_stored_in_this_activation_go_once_they_and_all_before_them_are_older_than_MinAge()
    {
        _window.Reset(RegionHead.Empty);
        _window.Stored(10, _t0, 0);
        _window.Stored(12, _t0 + TimeSpan.FromHours(2), 0);

        Assert.Equal(0, _window.Pruning(_t0 + _minAge).OldUpTo);
        Assert.Equal(10, _window.Pruning(_t0 + _minAge + TimeSpan.FromSeconds(1)).OldUpTo);
        Assert.Equal(12, _window.Pruning(_t0 + _minAge + TimeSpan.FromHours(3)).OldUpTo);
        Assert.False(_window.NeedsTimes(13, _t0 + _minAge + TimeSpan.FromHours(3)));
    }

    [Fact]
    public void After_loading_a_recent_head_the_log_reads_the_times_of_the_events_due_to_go_by_count_and_prunes_by_them()
    {
        var now = _t0 + _minAge + TimeSpan.FromHours(1);
        _window.Reset(new RegionHead(Seq: 12, Floor: 4, At: now - TimeSpan.FromMinutes(1), ETag: new ETag("x")));

        Assert.True(_window.NeedsTimes(13, now));
        Assert.Equal(4, _window.Pruning(now).OldUpTo);

        _window.Learn([(5, _t0), (6, _t0), (7, _t0), (8, _t0), (9, _t0), (10, _t0), (11, now), (12, now)]);

        Assert.False(_window.NeedsTimes(13, now));
        Assert.Equal(10, _window.Pruning(now).OldUpTo);
    }

    [Fact]
    public void A_region_within_MinEvents_never_reads_times_and_a_broken_run_of_rows_teaches_nothing()
    {
        var now = _t0 + _minAge + TimeSpan.FromHours(1);
        _window.Reset(new RegionHead(Seq: 5, Floor: 0, At: now, ETag: new ETag("x")));
        Assert.False(_window.NeedsTimes(6, now));

        _window.Reset(new RegionHead(Seq: 12, Floor: 4, At: now, ETag: new ETag("x")));
        _window.Learn([(6, _t0), (7, _t0)]);

        Assert.True(_window.NeedsTimes(13, now));
        Assert.Equal(4, _window.Pruning(now).OldUpTo);
    }

    [Fact]
    public void A_stored_floor_drops_the_spans_it_passed()
    {
        _window.Reset(RegionHead.Empty);
        _window.Stored(10, _t0, 0);
        _window.Stored(11, _t0 + TimeSpan.FromHours(3), 6);

        Assert.Equal(6, _window.Floor);
        Assert.Equal(10, _window.Pruning(_t0 + _minAge + TimeSpan.FromHours(1)).OldUpTo);
        Assert.Equal(new FeedPruning(6, 6, 5), _window.Pruning(_t0));
    }
}
