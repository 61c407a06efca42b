using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using OrleansCases.Abstractions;
using OrleansCases.Web.Cases;
using OrleansCases.Web.Telemetry;

namespace OrleansCases.Web.Live;

/// <summary>
/// Pushes the case-events streams of the configured regions to this instance's SignalR connections. One ordered
/// loop handles every region: each event's groups are computed once, gaps in a region's seq are filled from the
/// stored feed, repeats are dropped, and a poll of the feed heads catches up whatever a stream failure lost. Sends
/// are not awaited one by one, so a slow connection only ever delays itself. When it cannot tell what it missed
/// (the feed failed, or pruned events it had not sent), it tells the region's connections to resync, at most once per
/// <see cref="BridgeOptions.ResyncSpacing"/>.
/// </summary>
public sealed class CaseEventBridge(
    IClusterClient cluster,
    IHubContext<CaseHub, ICaseClient> hub,
    ConnectionRegistry connections,
    IOptions<CasesOptions> options,
    IOptions<BridgeOptions> bridgeOptions,
    WebMetrics metrics,
    TimeProvider clock,
    ILogger<CaseEventBridge> logger) : BackgroundService
{
    /// <summary>Spans of the sends, children of the command that caused them (<see cref="CaseEvent.TraceParent"/>).</summary>
    private static readonly ActivitySource _activities = new(CaseTelemetry.Name);

    private static readonly TimeSpan _retryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan _unsubscribeBudget = TimeSpan.FromSeconds(2);
    private const int GapFillPage = 500;
    private const string ResyncReason = "The server may have missed events; catch up from your last cursor.";

    private readonly Channel<Item> _inbox = Channel.CreateUnbounded<Item>(new() { SingleReader = true });
    private readonly Dictionary<string, StreamSubscriptionHandle<CaseEvent>> _subscriptions = [];
    private readonly Dictionary<string, DateTimeOffset> _resyncedAt = [];
    private readonly HashSet<string> _resyncDue = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _subscribing = new();
    private FeedCursor _positions = FeedCursor.Empty;
    private CancellationToken _stopping;

    /// <summary>Where this bridge has got to in every region; every event it sends carries it as its cursor.</summary>
    public FeedCursor Positions => _positions;

    /// <summary>Completes once the bridge is subscribed to every region and knows its position there.</summary>
    public Task Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;

        // All regions at once: one after another, 122 regions took seconds, and no list is answered until then.
        await Task.WhenAll(options.Value.Regions.Select(region => SubscribeAsync(region, stoppingToken)));

        _ready.TrySetResult();

        using var poll = new PeriodicTimer(bridgeOptions.Value.PollInterval, clock);
        var polling = PollAsync(poll, stoppingToken);
        try
        {
            await foreach (var item in _inbox.Reader.ReadAllAsync(stoppingToken))
            {
                await HandleAsync(item, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await polling;
    }

    /// <summary>
    /// Unsubscribes every region side by side, for at most <see cref="_unsubscribeBudget"/>: with the cluster gone
    /// each call would wait for its response timeout, and a stopping instance must not (the subscriptions left
    /// behind cost the cluster nothing but failed deliveries until Orleans drops them).
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        var unsubscribing = Task.WhenAll(_subscriptions.Values.Select(async handle =>
        {
            try
            {
                await handle.UnsubscribeAsync();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The cluster may be gone already; the subscription dies with it.
            }
        }));
        try
        {
            await unsubscribing.WaitAsync(_unsubscribeBudget, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            BridgeLog.UnsubscribeAbandoned(logger, _subscriptions.Count);
        }
    }

    private async Task SubscribeAsync(string region, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var stream = cluster.GetStreamProvider(CaseStreams.ProviderName).GetStream<CaseEvent>(CaseStreams.ForRegion(region));
                var handle = await stream.SubscribeAsync(
                    (e, _) => _inbox.Writer.WriteAsync(new Item(region, e)).AsTask(),
                    ex => _inbox.Writer.WriteAsync(new Item(region, null, ex)).AsTask());

                // Subscribe first, then read the head: nothing stored after the head can be missed.
                var head = _positions.Positions.ContainsKey(region) ? (long?)null : await HeadAsync(region);
                lock (_subscribing)
                {
                    // Regions subscribe concurrently at start; the loop that otherwise owns these has not begun.
                    _subscriptions[region] = handle;
                    if (head is { } first)
                    {
                        _positions = _positions.With(region, first);
                    }
                }

                BridgeLog.Subscribed(logger, region, _positions[region]);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                BridgeLog.SubscribeFailed(logger, region, ex);
                await Task.Delay(_retryDelay, stoppingToken);
            }
        }
    }

    private async Task PollAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var region in options.Value.Regions)
                {
                    await _inbox.Writer.WriteAsync(new Item(region, null, null), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task HandleAsync(Item item, CancellationToken stoppingToken)
    {
        if (item.ResyncDue)
        {
            _resyncDue.Remove(item.Region);
            Resync(item.Region);
            return;
        }

        if (item.Error is not null)
        {
            BridgeLog.StreamFailed(logger, item.Region, item.Error);
            _subscriptions.Remove(item.Region);
            await SubscribeAsync(item.Region, stoppingToken);
            await CatchUpAsync(item.Region, long.MaxValue);
            return;
        }

        if (item.Event is null)
        {
            // A poll: anything stored that the stream has not brought by now is fetched from the feed.
            await PollRegionAsync(item.Region);
            return;
        }

        var last = _positions[item.Region];
        if (item.Event.Seq <= last)
        {
            return;
        }

        if (item.Event.Seq > last + 1)
        {
            await CatchUpAsync(item.Region, item.Event.Seq - 1);
            if (_positions[item.Region] != item.Event.Seq - 1)
            {
                return;
            }
        }

        Send(item.Event);
    }

    /// <summary>
    /// Asks the region's log for its head (held in memory) and reads the feed only when the head is ahead of us, so an
    /// idle region costs a grain call per poll, not storage reads. A log that cannot answer says nothing about what
    /// we missed: the next poll asks again.
    /// </summary>
    private async Task PollRegionAsync(string region)
    {
        long head;
        try
        {
            // Bounded: one region's log that is slow to answer must not hold up the loop that delivers every region.
            head = await HeadAsync(region).WaitAsync(bridgeOptions.Value.PollInterval, _stopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            BridgeLog.PollFailed(logger, region, ex);
            return;
        }

        if (head > _positions[region])
        {
            await CatchUpAsync(region, head);
        }
    }

    /// <summary>Sends the stored events of a region after our position, up to <paramref name="upTo"/>.</summary>
    private async Task CatchUpAsync(string region, long upTo)
    {
        var from = _positions[region];
        try
        {
            var query = cluster.GetGrain<ICaseQueryGrain>(0);
            while (_positions[region] < upTo)
            {
                var page = await query.ReadFeedAsync(region, _positions[region], GapFillPage);
                if (page.Items.Count == 0 && page.Floor > _positions[region])
                {
                    // Pruned before we read them: go on from what the feed still has, and tell the region's clients,
                    // whose own catch-up answers 410 and reloads their lists.
                    BridgeLog.FellBehindRetention(logger, region, _positions[region] + 1, page.Floor);
                    _positions = _positions.With(region, page.Floor);
                    Resync(region);
                    continue;
                }

                foreach (var e in page.Items.TakeWhile(e => e.Seq <= upTo))
                {
                    if (e.Seq != _positions[region] + 1)
                    {
                        throw new InvalidOperationException($"The feed of {region} skips from {_positions[region]} to {e.Seq}.");
                    }

                    Send(e);
                }

                if (page.Items.Count < GapFillPage)
                {
                    break;
                }
            }

            if (_positions[region] > from)
            {
                BridgeLog.GapFilled(logger, region, from + 1, _positions[region]);
            }
        }
        catch (Exception ex)
        {
            // Clients cannot know what they missed: tell them to catch up from storage themselves.
            BridgeLog.GapNotFilled(logger, region, _positions[region], ex);
            Resync(region);
        }
    }

    /// <summary>
    /// Tells the connections that follow <paramref name="region"/> (its users' and the admins', never the other
    /// regions') to catch up from their cursor; within <see cref="BridgeOptions.ResyncSpacing"/> of the last one, once
    /// when it has passed.
    /// </summary>
    private void Resync(string region)
    {
        var now = clock.GetUtcNow();
        var wait = _resyncedAt.TryGetValue(region, out var last) ? last + bridgeOptions.Value.ResyncSpacing - now : TimeSpan.Zero;
        if (wait > TimeSpan.Zero)
        {
            if (_resyncDue.Add(region))
            {
                _ = ResyncLaterAsync(region, wait);
            }

            return;
        }

        _resyncedAt[region] = now;
        var inRegion = connections.InRegion(region);
        BridgeLog.ResyncSent(logger, region, inRegion.Count, _positions[region]);
        Observe(hub.Clients.Clients(inRegion).resync(ResyncReason), region, _positions[region]);
        Observe(hub.Clients.Group(CaseGroups.Admins).resync(ResyncReason), region, _positions[region]);
    }

    private async Task ResyncLaterAsync(string region, TimeSpan wait)
    {
        try
        {
            await Task.Delay(wait, clock, _stopping);
            await _inbox.Writer.WriteAsync(new Item(region, null, ResyncDue: true), _stopping);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Send(CaseEvent e)
    {
        // The span marks the hand-over to SignalR (sends are not awaited), in the trace of the command.
        ActivityContext.TryParse(e.TraceParent, null, out var command);
        using var activity = _activities.StartActivity(e.Message is null ? "caseStatusUpdate send" : "caseMessage send", ActivityKind.Producer, command);
        activity?.SetTag("orleanscases.region", e.Region);
        activity?.SetTag("orleanscases.seq", e.Seq);
        metrics.Delivered(e, clock.GetUtcNow() - e.Timestamp);
        _positions = _positions.With(e.Region, e.Seq);

        // Admins follow every region, so theirs is the cursor of all positions; everyone else follows only the event's
        // region (every other group is of it), and a cursor of that region alone keeps their catch-up short.
        var update = FeedItem.Of(e, FeedCursor.Empty.With(e.Region, e.Seq).Encode());
        var forAdmins = FeedItem.Of(e, _positions.Encode());

        // Once per connection: the role groups (disjoint: a connection joins one), then each user's and the case's
        // groups without the connections that an earlier send of this event reached already.
        var roles = CaseGroups.RoleGroupsOf(e);
        var users = CaseGroups.UsersOf(e);
        var overlap = connections.Overlaps(roles, users, e.CaseId);
        Observe(SendAsync(hub.Clients.Groups([.. roles.Where(g => g != CaseGroups.Admins)]), update), e.Region, e.Seq);
        Observe(SendAsync(hub.Clients.Group(CaseGroups.Admins), forAdmins), e.Region, e.Seq);
        for (var i = 0; i < users.Count; i++)
        {
            Observe(SendAsync(hub.Clients.GroupExcept(CaseGroups.User(users[i]), overlap.PerUser[i]), update), e.Region, e.Seq);
        }

        Observe(SendAsync(hub.Clients.GroupExcept(CaseGroups.Case(e.CaseId), overlap.Watchers), update), e.Region, e.Seq);
    }

    /// <summary>A status change goes out as caseStatusUpdate, a message as caseMessage (docs/design.md sections 5 and 9).</summary>
    private static Task SendAsync(ICaseClient clients, FeedItem item) => item switch
    {
        CaseStatusUpdate status => clients.caseStatusUpdate(status),
        Conversation.CaseMessageUpdate message => clients.caseMessage(message),
        _ => throw new ArgumentOutOfRangeException(nameof(item), item.GetType(), "Not an item the hub sends."),
    };

    private void Observe(Task sending, string region, long seq)
    {
        if (!sending.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(sending, region, seq);
        }
    }

    private async Task ObserveAsync(Task sending, string region, long seq)
    {
        try
        {
            await sending;
        }
        catch (Exception ex)
        {
            BridgeLog.SendFailed(logger, region, seq, ex);
        }
    }

    private Task<long> HeadAsync(string region) => cluster.GetGrain<IRegionLogGrain>(region).HeadAsync();

    /// <summary>What the bridge's loop handles, one at a time: an event, a stream's failure, a poll, or a resync due.</summary>
    private sealed record Item(string Region, CaseEvent? Event, Exception? Error = null, bool ResyncDue = false);
}
