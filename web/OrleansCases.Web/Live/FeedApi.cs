using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansCases.Abstractions;
using OrleansCases.Web.Cases;
using OrleansCases.Web.Http;
using OrleansCases.Web.Identity;

namespace OrleansCases.Web.Live;

/// <summary>
/// GET /api/feed: what the caller's groups (not case watches) received since a cursor, read from the stored feed,
/// so it is the same on every web instance and after restarts.
/// </summary>
public static class FeedApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static RouteGroupBuilder MapFeedApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/feed").WithTags("Feed").RequireAuthorization().AddEndpointFilter<DeadlineFilter>();
        api.RequireRateLimiting(RateLimitPolicies.PerUser);
        api.MapGet("/", ReadAsync).WithName("ReadFeed").WithSummary("What the caller's groups received since a cursor (oldest first); without one, the current head.")
            .ProducesProblem(400).ProducesProblem(410);
        return api;
    }

    public static async Task<Results<Ok<FeedResponse>, ProblemHttpResult>> ReadAsync(
        Caller caller, HttpContext http, IClusterClient cluster, IOptions<CasesOptions> options, IFeedPosition position,
        Telemetry.WebMetrics metrics,
        string? after, string? limit)
    {
        if (!QueryLimit.TryRead(limit, 1, MaxLimit, out var requested))
        {
            return Problems.Invalid("limit", $"must be 1 to {MaxLimit}.");
        }

        await position.ReadyAsync(http.RequestAborted);
        if (after is null)
        {
            return TypedResults.Ok(new FeedResponse([], await position.CursorForAsync(caller.User)));
        }

        if (!FeedCursor.TryDecode(after, FeedCursor.MaxLengthFor(options.Value.Regions), out var cursor))
        {
            return Problems.Invalid("after", "is not a cursor of this API.");
        }

        // Every region in scope at once: an admin's is every region.
        var take = requested ?? DefaultLimit;
        var pages = await Task.WhenAll(FeedHeads.ScopeOf(caller.User, options.Value).Select(async region =>
            (Region: region, Page: await cluster.GetGrain<ICaseQueryGrain>(0).ReadFeedAsync(region, cursor[region], take))));
        if (pages.FirstOrDefault(p => cursor[p.Region] < p.Page.Floor) is { Page: not null } gone)
        {
            metrics.FeedRead(gone: true);
            return Problems.Gone($"Events of {gone.Region} before seq {gone.Page.Floor + 1} are no longer kept: reload your lists.");
        }

        metrics.FeedRead(gone: false);
        return TypedResults.Ok(Merge(caller.User, cursor, pages, take));
    }

    /// <summary>
    /// Interleaves the regions' pages, each in its own seq order, oldest next event first, and keeps what the caller
    /// receives. Within a region the walk follows seq, never time: a change decided earlier can be stored later, and
    /// walking past it by time would skip it for good. Every event walked past moves the cursor, shown or not. The walk
    /// stops where a full page runs out: that region may have unread events older than the next one of another region.
    /// </summary>
    private static FeedResponse Merge(UserRef caller, FeedCursor cursor, IReadOnlyList<(string Region, FeedPage Page)> pages, int take)
    {
        var regions = pages.Select(p => new RegionPage(p.Region, p.Page.Items, p.Page.Items.Count == take)).ToList();
        var items = new List<FeedItem>();
        while (items.Count < take && !regions.Any(r => r.Full && r.Done))
        {
            var next = regions.Where(r => !r.Done).MinBy(r => r, RegionPage.ByNextEvent);
            if (next is null)
            {
                break;
            }

            var e = next.Take();
            cursor = cursor.With(e.Region, e.Seq);
            if (CaseGroups.Receives(caller, e))
            {
                items.Add(FeedItem.Of(e, cursor.Encode()));
            }
        }

        return new FeedResponse(items, cursor.Encode());
    }

    /// <summary>One region's page as the merge walks it: its events in seq order, and how far the walk has got.</summary>
    private sealed class RegionPage(string region, IReadOnlyList<CaseEvent> events, bool full)
    {
        private int _next;

        /// <summary>Oldest next event first; at the same time, by region name, so the order is the same on every read.</summary>
        public static IComparer<RegionPage> ByNextEvent { get; } = Comparer<RegionPage>.Create((a, b) =>
            a.Next.Timestamp.CompareTo(b.Next.Timestamp) is var byTime and not 0 ? byTime : string.CompareOrdinal(a.Region, b.Region));

        public string Region { get; } = region;

        public bool Full { get; } = full;

        public bool Done => _next == events.Count;

        private CaseEvent Next => events[_next];

        public CaseEvent Take() => events[_next++];
    }
}
