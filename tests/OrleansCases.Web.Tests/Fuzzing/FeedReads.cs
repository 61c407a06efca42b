using System.Collections.Immutable;
using System.Globalization;
using OrleansCases.Abstractions;
using OrleansCases.Web.Live;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>
/// GET /api/feed: the query a step makes, and the events the model says it must answer, exactly, with the cursor
/// that follows on from them. Cursors come from earlier answers (anyone's), are made the way the API makes them for
/// any positions and region names, or are garbage.
/// </summary>
public sealed class FeedReads(CaseModel model, Breaks breaks, FuzzStats stats)
{
    private static readonly int _maxCursor = FeedCursor.MaxLengthFor(CaseModel.Regions.ToArray());

    public sealed record Request(string Path, string? After, string? Limit);

    public Request Build(FeedParams p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var after = p.After switch
        {
            FeedCursorKind.Absent => null,
            FeedCursorKind.Pool => Recent.Pick(model.FeedCursors, p.Pick, 50),
            FeedCursorKind.Crafted => Crafted(p.Pick),
            _ => Garbage.Of(Garbage.FeedCursors, p.Pick),
        };
        var limit = Limits.Text(p.Limit, p.Pick / 3, FeedApi.MaxLimit);
        return new Request(Queries.Path("/api/feed", [("after", after), ("limit", limit)], p.Pick), after, limit);
    }

    /// <summary>The answer predicted; for a 200 the positions to read from (null: no cursor, so no items and the heads).</summary>
    public static (Expectation Expected, ImmutableSortedDictionary<string, long>? From, int Take) Expect(FuzzCaller caller, Request request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!caller.SignedIn)
        {
            return (Expectation.Unauthorized, null, 0);
        }

        if (!Limits.TryParse(request.Limit, out var limit) || limit is < 1 or > FeedApi.MaxLimit)
        {
            return (Expectation.Invalid("limit no int from 1 to 500", ["limit"]), null, 0);
        }

        if (request.After is null)
        {
            return (Expectation.Status(200, "feed head"), null, 0);
        }

        return FeedCursor.TryDecode(request.After, _maxCursor, out var cursor)
            ? (Expectation.Status(200, "feed"), cursor.Positions, limit ?? FeedApi.DefaultLimit)
            : (Expectation.Invalid("no feed cursor", ["after"]), null, 0);
    }

    public void Check(UserRef user, ImmutableSortedDictionary<string, long>? from, int take, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (AnswerChecks.Read<FeedResponse>(breaks, answer) is not { } page)
        {
            return;
        }

        stats.Checked("feed pages");
        var (items, next) = from is null ? ([], FeedOracle.Heads(model, user)) : FeedOracle.Read(model, user, from, take);
        // The fuzzer posts no messages: every item is a status change, and a message would fail the cast loudly.
        var statuses = page.Items.Cast<CaseStatusUpdate>().ToList();
        stats.Checked("feed items", statuses.Count);
        foreach (var item in statuses)
        {
            var stored = EventMatch.Find(model, item);
            if (stored is null || !Section3.MayRead(user, stored.Region, stored.OwnerId))
            {
                breaks.Add("isolation", $"feed gave {user.Id} version {item.Version} of {item.CaseId} ({item.Region}, owner {item.OwnerId}), which they may not read");
            }
            else if (!Section3.Receives(user, stored))
            {
                breaks.Add("routing", $"feed gave {user.Id} version {item.Version} of {item.CaseId}, which their groups do not receive");
            }
            else if (EventMatch.Differences(item, stored) is { } wrong)
            {
                breaks.Add("storage", $"feed event {item.CaseId} v{item.Version} differs from the 2xx answer: {wrong}");
            }
        }

        breaks.Check(
            statuses.Select(i => (i.CaseId, i.Version)).SequenceEqual(items.Select(i => (i.CaseId, i.Version))), "feed",
            () => $"feed for {user.Id} from {Show(from)} limit {take}: got [{string.Join(", ", statuses.Take(10).Select(i => $"{i.Region}#{i.Seq}"))}], "
                + $"storage holds [{string.Join(", ", items.Take(10).Select(i => $"{i.Region}#{i.Seq}"))}] ({statuses.Count} vs {items.Count})");
        var decoded = FeedCursor.TryDecode(page.NextCursor, _maxCursor, out var nextCursor);
        breaks.Check(
            decoded && nextCursor.Positions.SequenceEqual(next), "feed",
            () => $"nextCursor at {(decoded ? Show(nextCursor.Positions) : page.NextCursor)}, expected {Show(next)}");
        foreach (var item in statuses.Where(i => !FeedCursor.TryDecode(i.Cursor, _maxCursor, out _)))
        {
            breaks.Add("feed", $"item {item.CaseId} v{item.Version} carries no cursor: {item.Cursor}");
        }

        model.FeedCursors.Add(page.NextCursor);
    }

    private static string Show(IReadOnlyDictionary<string, long>? positions) =>
        positions is null ? "(no cursor)" : "{" + string.Join(",", positions.Select(p => $"{p.Key}={p.Value}")) + "}";

    /// <summary>A cursor written the way the API writes them: any regions (known or not, repeated), any positions.</summary>
    private string Crafted(int pick)
    {
        string[] regions = ["north", "south", "east", "north"];
        var parts = Enumerable.Range(0, pick % 4).Select(i =>
        {
            var region = regions[(pick / (i + 3)) % regions.Length];
            var top = model.Head(region) + 3;
            return region + "=" + (pick / (i + 7) % top).ToString(CultureInfo.InvariantCulture);
        });
        return Garbage.Encode(string.Join('|', parts.Prepend("f1")));
    }
}
