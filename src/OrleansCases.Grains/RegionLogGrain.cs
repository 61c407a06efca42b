using System.Diagnostics;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Streams;
using OrleansCases.Abstractions;
using OrleansCases.Grains.ReadModel;

namespace OrleansCases.Grains;

/// <summary>
/// A region's ordered log (docs/design.md section 1). Reentrant so that changes arriving while a batch is being written
/// queue up and go out together in the next one (<see cref="GroupCommit"/>); all its code still runs one turn at a time.
/// It never calls a case grain, so a case calling it can never deadlock. It also prunes the region's feed past
/// retention (<see cref="FeedRetentionOptions"/>), inside those same batches.
/// </summary>
[Reentrant]
public sealed class RegionLogGrain(
    CaseTable table,
    [FromKeyedServices(CaseClock.Key)] TimeProvider clock,
    IOptions<FeedRetentionOptions> retention,
    ILogger<RegionLogGrain> logger) : Grain, IRegionLogGrain
{
    /// <summary>
    /// How long one batch may take to store. Every command of the region waits behind it, so a request storage holds
    /// (seen after an outage: answered a minute late, past the client's own network timeout) fails the batch instead,
    /// whose commands answer 503 and are retried; a batch that did commit meanwhile is found by its head's ETag.
    /// </summary>
    public static readonly TimeSpan SubmitTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long a batch's commands wait for its events to be published; the stored change is what counts.</summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromMilliseconds(500);

    // Enough to hold a busy region's active cases; past it the cache starts over and tips are re-read.
    private const int MaxCachedTips = 50_000;

    private readonly Dictionary<string, CaseTip> _tips = [];
    private readonly FeedWindow _feed = new(retention.Value);
    private GroupCommit? _commits;
    private string _region = "";
    private IAsyncStream<CaseEvent>? _stream;
    private long _head;
    private ETag? _headETag;
    private bool _headLoaded;
    private Task? _headLoading;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _region = this.GetPrimaryKeyString();
        _stream = this.GetStreamProvider(CaseStreams.ProviderName).GetStream<CaseEvent>(CaseStreams.ForRegion(_region));
        _commits = new GroupCommit(WriteBatchAsync, BatchFailed);
        return Task.CompletedTask;
    }

    public async Task<CaseAppended> AppendAsync(CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Case.Region != _region)
        {
            throw new ArgumentException($"Case {change.Case.Id} belongs to another region.", nameof(change));
        }

        // The command's trace travels with its event, so the web's send joins it (streams do not carry it).
        return await _commits!.AddAsync(change, Activity.Current?.Id);
    }

    public async Task<long> HeadAsync()
    {
        await LoadHeadAsync();
        return _head;
    }

    /// <summary>
    /// Reads the head row unless memory holds it; concurrent callers share one read in flight. A finished read is
    /// never shared: one that completed at once (its answer already there) used to stay cached, so every later
    /// reload returned at once without reading, and after a storage outage the log retried a stale head forever.
    /// </summary>
    private Task LoadHeadAsync()
    {
        if (_headLoaded)
        {
            return Task.CompletedTask;
        }

        return _headLoading is { IsCompleted: false } reading ? reading : _headLoading = ReadAsync();

        async Task ReadAsync()
        {
            var stored = await table.ReadHeadAsync(_region);
            (_head, _headETag) = (stored.Seq, stored.ETag);
            _feed.Reset(stored);
            _headLoaded = true;
        }
    }

    /// <summary>
    /// One round of the group commit, from where the region stands to every taken change answered. The batch is one
    /// table transaction (<see cref="RegionBatch"/>: feed, history, tips, lists, head and pruning) and one stream
    /// message.
    /// </summary>
    private async Task WriteBatchAsync(GroupCommit.Round round)
    {
        // Where the region stands: its head, and the times of the feed rows due to be pruned.
        await LoadHeadAsync();
        var now = clock.GetUtcNow();
        await LearnFeedTimesAsync(now);

        // What goes in: each waiting change that fits and is its case's next version.
        var batch = new RegionBatch(_region, _head, now, _feed.Pruning(now));
        foreach (var p in round.Waiting())
        {
            if (batch.CanTake(p.Change))
            {
                await TakeAsync(round, batch, p);
            }
        }

        if (batch.Changes.Count == 0)
        {
            return;
        }

        await StoreAsync(batch, now);
        await PublishAsync([.. batch.Changes.Select(c => c.Event)]);
        foreach (var p in round.Taken.ToArray())
        {
            round.Answer(p, new CaseAppended(_tips[p.Change.Case.Id].Seq));
        }
    }

    /// <summary>
    /// Puts <paramref name="p"/> in the batch when it is its case's next version. Sent again after it was stored, it
    /// is answered its number at once, stored and published nothing; decided on an outdated case, it is refused.
    /// </summary>
    private async Task TakeAsync(GroupCommit.Round round, RegionBatch batch, PendingChange p)
    {
        round.Take(p);
        var previous = await TipAsync(p.Change.Case.Id);
        if (CaseTip.Precedes(previous, p.Change))
        {
            batch.Add(p.Change, previous, p.TraceParent);
        }
        else if (previous is not null && previous.IsAtOrBefore(p.Change) && await StoredSeqAsync(p.Change, previous) is { } seq)
        {
            round.Answer(p, new CaseAppended(seq));
        }
        else
        {
            GrainLog.StaleChange(logger, _region, p.Change.Case.Id, p.Change.Case.Version, previous?.Version ?? 0);
            round.Answer(p, CaseAppended.Refused);
        }
    }

    /// <summary>
    /// Submits the batch within <see cref="SubmitTimeout"/>, then remembers what it stored: the new head and its ETag,
    /// the feed's new extent and floor, and each case's tip.
    /// </summary>
    private async Task StoreAsync(RegionBatch batch, DateTimeOffset now)
    {
        Response<IReadOnlyList<Response>> response;
        using (var deadline = new CancellationTokenSource(SubmitTimeout))
        {
            response = await table.SubmitAsync(batch.Build(_headETag), deadline.Token);
        }

        var floor = _feed.Floor;
        _head = batch.Head;
        _headETag = response.Value[0].Headers.ETag;
        _headLoaded = _headETag is not null;
        _feed.Stored(batch.Head, now, batch.Floor);
        if (_tips.Count > MaxCachedTips)
        {
            _tips.Clear();
        }

        foreach (var (_, tip) in batch.Changes)
        {
            _tips[tip.CaseId] = tip;
        }

        GrainLog.BatchCommitted(logger, _region, batch.Changes[0].Event.Seq, batch.Head);
        if (batch.Floor > floor)
        {
            GrainLog.FeedPruned(logger, _region, floor + 1, batch.Floor);
        }
    }

    /// <summary>A round failed: the batch may or may not have been stored (a timeout after commit), so forget what we believed.</summary>
    private CaseUnavailableException BatchFailed(int count, Exception ex)
    {
        _headLoaded = false;
        _tips.Clear();
        GrainLog.BatchFailed(logger, _region, count, _head + 1, ex);
        return new CaseUnavailableException($"Region {_region} could not store the change.", ex);
    }

    /// <summary>
    /// When the oldest retained events are due to go by count but the log knows their time only by a later bound
    /// (the head's, when it loaded it), reads their times: one small read per <see cref="FeedWindow.ReadSize"/> events,
    /// and only for events stored before this activation. A failed read only postpones pruning.
    /// </summary>
    private async Task LearnFeedTimesAsync(DateTimeOffset now)
    {
        if (!_feed.NeedsTimes(_head + 1, now))
        {
            return;
        }

        try
        {
            var times = await table.ReadFeedTimesAsync(_region, _feed.Floor, FeedWindow.ReadSize);
            _feed.Learn(times);
            GrainLog.FeedTimesRead(logger, _region, times.Count, _feed.Floor);
        }
        catch (Exception ex)
        {
            GrainLog.FeedTimesReadFailed(logger, _region, _feed.Floor, ex);
        }
    }

    /// <summary>
    /// A batch's events go out as one stream message: one enqueue, and one delivery to each subscriber. Within
    /// <see cref="PublishTimeout"/>: the batch's commands wait for it, and a queue in trouble must not hold every
    /// command of the region for the queue client's own timeouts. A publish that runs late still lands; the bridges
    /// drop what they have already read from the feed.
    /// </summary>
    private async Task PublishAsync(IReadOnlyList<CaseEvent> events)
    {
        try
        {
            await _stream!.OnNextBatchAsync(events).WaitAsync(PublishTimeout);
        }
        catch (Exception ex)
        {
            // Stored is what counts: a bridge that misses these sees the gap in seq and catches up from the feed.
            GrainLog.PublishFailed(logger, _region, events[0].Seq, events[^1].Seq, ex);
        }
    }

    private async Task<CaseTip?> TipAsync(string caseId)
    {
        if (_tips.TryGetValue(caseId, out var cached))
        {
            return cached;
        }

        var tip = await table.ReadTipAsync(_region, caseId);
        if (tip is not null)
        {
            _tips[caseId] = tip;
        }

        return tip;
    }

    /// <summary>The seq of a stored version or message when <paramref name="change"/> is what is stored there, else null.</summary>
    private async Task<long?> StoredSeqAsync(CaseChange change, CaseTip tip)
    {
        if (tip.Holds(change))
        {
            return tip.Seq;
        }

        if (change.Message is { } message)
        {
            var posted = await table.ReadMessageAsync(_region, change.Case.Id, message.Number);
            return posted is { } m && change.IsBy(m.Message.AuthorId, m.Message.ClientMessageId) ? m.Seq : null;
        }

        var stored = await table.ReadVersionAsync(_region, change.Case.Id, change.Case.Version);
        return stored is { } s && change.IsBy(s.CallerId, s.CommandId) ? s.Seq : null;
    }
}
