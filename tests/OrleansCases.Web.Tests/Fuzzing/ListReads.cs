using System.Globalization;
using OrleansCases.Abstractions;
using OrleansCases.Grains.ReadModel;
using OrleansCases.Web.Cases;
using OrleansCases.Web.Live;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>
/// GET /api/cases: the query string a step makes, and the page the model says it must answer. Which lists a role
/// may ask for is the API's own rule (<see cref="ListRequest"/>); what a list holds is docs/design.md's: mine are the
/// caller's cases, region every case of the region, queue those ForwardedToClinician, assigned those assigned to the
/// caller; newest change first; and never a case the caller may not read.
/// </summary>
public sealed class ListReads(CaseModel model, Breaks breaks, FuzzStats stats)
{
    private static readonly CasesOptions _options = new() { Regions = [.. CaseModel.Regions] };

    public sealed record Request(
        string Path, string? View, string? Status, string? Priority, string? Region, string? Limit, string? Cursor);

    public Request Build(ListParams p, UserRef? caller)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Plausible && caller is not null)
        {
            p = Plausible(p, caller);
        }

        var statuses = Enum.GetNames<CaseStatus>();
        string[] priorities = ["routine", "urgent", "emergency"];
        var view = p.View switch
        {
            ViewKind.Absent => null,
            ViewKind.Mine => "mine",
            ViewKind.Region => "region",
            ViewKind.Queue => "queue",
            ViewKind.Assigned => "assigned",
            _ => Garbage.Of(Garbage.Views, p.Pick),
        };
        var status = p.Status switch
        {
            FilterKind.Absent => null,
            FilterKind.Valid => statuses[p.Pick % statuses.Length],
            _ => Garbage.Of(Garbage.Filters, p.Pick),
        };
        var priority = p.Priority switch
        {
            FilterKind.Absent => null,
            FilterKind.Valid => priorities[p.Pick / 7 % priorities.Length],
            _ => Garbage.Of(Garbage.Filters, p.Pick / 7),
        };
        var region = p.Region switch
        {
            RegionKind.Absent => null,
            RegionKind.North => "north",
            RegionKind.South => "south",
            _ => Garbage.Of(Garbage.Regions, p.Pick),
        };
        var limit = Limits.Text(p.Limit, p.Pick, CaseListQuery.MaxLimit);
        var cursor = p.Cursor switch
        {
            ListCursorKind.Absent => null,
            ListCursorKind.Pool => Recent.Pick(model.ListCursors, p.Pick, 50),
            ListCursorKind.Crafted => Crafted(p.Pick),
            _ => Garbage.Of(Garbage.ListCursors, p.Pick),
        };
        var query = new (string Name, string? Value)[] { ("view", view), ("status", status), ("priority", priority), ("region", region), ("limit", limit), ("cursor", cursor) };
        return new Request(Queries.Path("/api/cases", query, p.Pick), view, status, priority, region, limit, cursor);
    }

    /// <summary>The answer the model predicts, and for a 200 the exact page.</summary>
    public static (Expectation Expected, CaseListQuery? Query) Expect(FuzzCaller caller, Request request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!caller.SignedIn)
        {
            return (Expectation.Unauthorized, null);
        }

        var parsed = ListRequest.Parse(
            caller.User!, _options, new ListParameters(request.View, request.Status, request.Priority, request.Region, request.Limit, request.Cursor));
        if (parsed.Error is { } error)
        {
            var keys = error.ProblemDetails.Extensions.TryGetValue("errors", out var e) && e is Dictionary<string, string[]> errors ? errors.Keys : null;
            return (Expectation.Status(error.StatusCode, "list request refused") with { ErrorKeys = keys?.ToHashSet(StringComparer.Ordinal) }, null);
        }

        var query = parsed.Query!;
        return query.After is { } after && !after.StartsWith(RowKeys.PrefixOf(query), StringComparison.Ordinal)
            ? (Expectation.Invalid("cursor of another list", ["cursor"]), null)
            : (Expectation.Status(200, "list"), query);
    }

    public void Check(UserRef user, CaseListQuery query, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(query);
        if (AnswerChecks.Read<CaseListResponse>(breaks, answer) is not { } page)
        {
            return;
        }

        foreach (var item in page.Items.Where(i => !Section3.MayRead(user, i.Region, i.OwnerId)))
        {
            breaks.Add("isolation", $"{user.Id} listed case {item.Id} of {item.Region} owned by {item.OwnerId}");
        }

        var matching = model.Cases
            .Where(c => c.Region == query.Region && InView(c, query) && (query.Status is null || c.Record.Status == query.Status)
                && (query.Priority is null || c.Record.Priority == query.Priority))
            .Select(c => (Case: c, Key: RowKeys.ListRow(query.View, query.UserId, c.Seq)))
            .Where(c => query.After is null || string.CompareOrdinal(c.Key, query.After) > 0)
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
        // The fuzzer posts no messages: nothing is ever unread.
        var expected = matching.Take(query.Limit).Select(c => CaseListItem.From(c.Case.Record, readUpTo: 0)).ToList();
        stats.Checked("list pages");
        stats.Checked("list items", expected.Count);
        breaks.Check(
            page.Items.SequenceEqual(expected), "list",
            () => $"{query.View} list of {query.Region} for {user.Id} (status {query.Status}, priority {query.Priority}, limit {query.Limit}, after {query.After}): "
                + $"got [{Describe(page.Items)}], storage holds [{Describe(expected)}]");
        breaks.Check(
            (page.NextCursor is null) == (matching.Count <= query.Limit), "list",
            () => $"nextCursor {page.NextCursor ?? "null"} with {matching.Count} matching cases for a limit of {query.Limit}");
        var heads = FeedOracle.Heads(model, user);
        breaks.Check(
            FeedCursor.TryDecode(page.FeedCursor, 4096, out var feedCursor) && feedCursor.Positions.SequenceEqual(heads), "list",
            () => $"feedCursor {page.FeedCursor} is not the heads {string.Join(",", heads)}");
        if (page.NextCursor is { } next)
        {
            model.ListCursors.Add(next);
        }

        model.FeedCursors.Add(page.FeedCursor);
    }

    /// <summary>The same query made sensible for the caller: a list of their role, filters valid or absent, their region.</summary>
    private static ListParams Plausible(ListParams p, UserRef caller)
    {
        ViewKind[] views = caller.Role switch
        {
            UserRole.Asha => [ViewKind.Mine, ViewKind.Absent],
            UserRole.Chw => [ViewKind.Region, ViewKind.Queue, ViewKind.Mine, ViewKind.Absent],
            UserRole.Clinician => [ViewKind.Queue, ViewKind.Assigned, ViewKind.Region, ViewKind.Absent],
            _ => [ViewKind.Region, ViewKind.Queue, ViewKind.Absent],
        };
        var region = caller.Role == UserRole.Admin ? (p.Pick % 2 == 0 ? RegionKind.North : RegionKind.South) : RegionKind.Absent;
        return p with
        {
            View = views[p.Pick % views.Length],
            Status = p.Status == FilterKind.Garbage ? FilterKind.Absent : p.Status,
            Priority = p.Priority == FilterKind.Garbage ? FilterKind.Absent : p.Priority,
            Region = region,
            Limit = p.Limit is LimitKind.Absent or LimitKind.Small or LimitKind.Valid ? p.Limit : LimitKind.Small,
            Cursor = p.Cursor == ListCursorKind.Garbage ? ListCursorKind.Absent : p.Cursor,
        };
    }

    private static bool InView(ModelCase c, CaseListQuery query) => query.View switch
    {
        CaseListView.Region => true,
        CaseListView.Owner => c.OwnerId == query.UserId,
        CaseListView.Queue => c.Record.Status == CaseStatus.ForwardedToClinician,
        CaseListView.Assignee => c.Record.AssigneeId == query.UserId,
        _ => false,
    };

    private static string Describe(IEnumerable<CaseListItem> items) =>
        string.Join(", ", items.Take(12).Select(i => $"{i.Id[..8]}v{i.Version}"));

    /// <summary>A cursor as the API makes them, for any list and position, or just past a list's prefix.</summary>
    private string Crafted(int pick)
    {
        // The patient search's keys are references, not positions (its own tests, PatientSearchApiTests, cover it).
        var views = Enum.GetValues<CaseListView>().Where(v => v != CaseListView.Patient).ToArray();
        var view = views[pick % views.Length];
        var user = FuzzCallers.UserAt(pick / 5).Id;
        var top = CaseModel.Regions.Max(model.Head) + 3;
        var suffix = (pick / 50 % 4) switch
        {
            0 or 1 => (long.MaxValue - (pick / 200 % top)).ToString("D19", CultureInfo.InvariantCulture),
            2 => "zzz",
            _ => "",
        };
        return Garbage.Encode("l1:" + RowKeys.ListPrefix(view, user) + suffix);
    }
}
