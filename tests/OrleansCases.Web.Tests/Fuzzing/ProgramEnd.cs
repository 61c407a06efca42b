using System.Collections.Immutable;
using System.Globalization;
using OrleansCases.Abstractions;
using OrleansCases.Web.Cases;
using OrleansCases.Web.Live;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>
/// What follows each program: marker events that prove every connection has been sent everything before them (no
/// sleeps), then the live checks (every event received is one its connection is entitled to, and every one it is
/// entitled to came, once), and the storage checks (each case the program touched, both regions' full lists and the
/// program's part of the feed, all exactly as the 2xx answers made them).
/// </summary>
public sealed class ProgramEnd(FuzzCallers callers, FuzzHttp http, CaseModel model, Resolver resolver, LiveUsers live, FuzzRunner runner, Breaks breaks, FuzzStats stats)
{
    private static readonly int _admin = Index("admin");

    public async Task CheckAsync(int firstStep, ImmutableSortedDictionary<string, long> heads)
    {
        ArgumentNullException.ThrowIfNull(heads);
        breaks.Where = string.Create(CultureInfo.InvariantCulture, $"program {runner.Program} end");

        // Round one: once both of the admin's connections (one per web instance) have the markers of both regions,
        // each instance's bridge has sent every event before them. Round two then reaches every connection after
        // everything else it was sent, since a connection gets its messages in the order they were sent.
        var first = await MarkersAsync();
        foreach (var admin in live.All.Where(c => c.User.Role == UserRole.Admin))
        {
            foreach (var marker in first.Where(m => m.Version == 2))
            {
                await WaitAsync(admin, marker.CaseId, marker.Version);
            }
        }

        var second = await MarkersAsync();
        foreach (var connection in live.All)
        {
            foreach (var marker in second.Where(m => Section3.Receives(connection.User, m)))
            {
                await WaitAsync(connection, marker.CaseId, marker.Version);
            }
        }

        breaks.Where = string.Create(CultureInfo.InvariantCulture, $"program {runner.Program} end, live");
        CheckLive(firstStep);
        breaks.Where = string.Create(CultureInfo.InvariantCulture, $"program {runner.Program} end, storage");
        await CheckStorageAsync();
        await CheckListsAsync();
        await CheckFeedAsync(heads);
        runner.Touched.Clear();
    }

    /// <summary>In each region a CHW opens a case and forwards it (CHWs, clinicians, admins get it); each ASHA opens one of her own.</summary>
    private async Task<List<ModelEvent>> MarkersAsync()
    {
        var heads = CaseModel.Regions.ToDictionary(r => r, model.Head);
        foreach (var region in CaseModel.Regions)
        {
            var chw = Index($"chw.{region}");
            model.Step++;
            var created = await runner.CommandAsync(resolver.ValidCreate(chw, "MARKER", CasePriority.Routine), 0);
            if (created.Json()?["id"]?.ToString() is { } id && model.Find(id) is not null)
            {
                model.Step++;
                var body = JsonBodies.Render([("commandId", FieldValue.Of(resolver.Fresh()))], unknownField: false, BodyFormat.Json, 0);
                await runner.CommandAsync(Resolver.Act(chw, id, "forward", body), 1);
            }
        }

        foreach (var asha in FuzzCallers.Users.Where(u => u.Role == UserRole.Asha))
        {
            model.Step++;
            await runner.CommandAsync(resolver.ValidCreate(Index(asha.Id), "MARKER", CasePriority.Routine), 1);
        }

        var made = CaseModel.Regions.SelectMany(r => model.Events(r).Skip((int)heads[r])).ToList();
        breaks.Check(made.Count == 7, "markers", () => $"{made.Count} marker events stored, 7 expected");
        return made;
    }

    private async Task WaitAsync(LiveConnection connection, string caseId, int version)
    {
        try
        {
            await connection.Client.WaitForAsync(caseId, version);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            breaks.Add("live-missing", $"{connection.Name} never received marker {caseId} v{version}: {ex.Message}");
        }
    }

    private void CheckLive(int firstStep)
    {
        var due = model.AllEvents.Where(e => e.Step >= firstStep).ToList();
        foreach (var connection in live.All)
        {
            var (fresh, duplicates) = connection.TakeReceived();
            stats.LiveEvents += fresh.Count + duplicates.Count;
            foreach (var copy in duplicates)
            {
                breaks.Add("live-duplicate", $"{connection.Name} received {copy.GetProperty("caseId")} v{copy.GetProperty("version")} twice");
            }

            foreach (var element in fresh)
            {
                var sent = LiveUsers.Read(element);
                var stored = sent is null ? null : EventMatch.Find(model, sent);
                if (sent is null || stored is null)
                {
                    breaks.Add("live-unknown", $"{connection.Name} received an event no 2xx answer made: {element}");
                }
                else if (!Section3.MayRead(connection.User, stored.Region, stored.OwnerId))
                {
                    breaks.Add("isolation", $"{connection.Name} received {stored.CaseId} v{stored.Version} of {stored.Region}, owned by {stored.OwnerId}");
                }
                else if (!Section3.Receives(connection.User, stored) && !connection.MayHaveWatched(stored.CaseId, stored.Step))
                {
                    breaks.Add("routing", $"{connection.Name} received {stored.CaseId} v{stored.Version} ({stored.PreviousStatus}->{stored.Status}), neither in its groups nor watched");
                }
                else if (EventMatch.Differences(sent, stored) is { } wrong)
                {
                    breaks.Add("live-content", $"{connection.Name} received {stored.CaseId} v{stored.Version} unlike the 2xx answer: {wrong}");
                }
            }

            foreach (var e in due.Where(e => Section3.Receives(connection.User, e) && !connection.HasReceived(e.CaseId, e.Version)))
            {
                breaks.Add("live-missing", $"{connection.Name} never received {e.CaseId} v{e.Version} ({e.Region}#{e.Seq}, {e.PreviousStatus}->{e.Status})");
            }

            breaks.Check(connection.Client.Resyncs == 0, "live-resync", () => $"{connection.Name} was told to resync {connection.Client.Resyncs} times in steady state");
        }
    }

    /// <summary>Each case the program touched, read back by an admin and by its owner, on either web: exactly the model.</summary>
    private async Task CheckStorageAsync()
    {
        var index = 0;
        foreach (var c in runner.Touched.Select(model.Find).OfType<ModelCase>().OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            foreach (var reader in new[] { _admin, Index(c.OwnerId) })
            {
                var caller = callers[reader];
                var answer = await http.SendAsync(caller, index++ % 2, HttpMethod.Get, $"/api/cases/{c.Id}");
                if (breaks.Check(answer.Status == 200, "storage", () => $"{caller.Name} reading {c.Id} back got {answer.Status}"))
                {
                    CaseReads.Check(breaks, caller.User!, c, answer, "read back");
                    stats.Checked("cases read back");
                }
            }
        }
    }

    /// <summary>
    /// Both regions' whole region and queue lists, paged: every case of the model (and every one ForwardedToClinician),
    /// newest change first, as the model holds it.
    /// </summary>
    private async Task CheckListsAsync()
    {
        var admin = callers[_admin];
        foreach (var (region, view) in CaseModel.Regions.SelectMany(r => new[] { (r, "region"), (r, "queue") }))
        {
            var listed = new List<CaseListItem>();
            string? cursor = null;
            do
            {
                var path = $"/api/cases?view={view}&region={region}&limit={CaseListQuery.MaxLimit}" + (cursor is null ? "" : $"&cursor={cursor}");
                var answer = await http.SendAsync(admin, listed.Count % 2, HttpMethod.Get, path);
                if (!breaks.Check(answer.Status == 200, "storage", () => $"region list {path} got {answer.Status}: {AnswerChecks.Clip(answer.Text)}")
                    || AnswerChecks.Read<CaseListResponse>(breaks, answer) is not { } page)
                {
                    return;
                }

                listed.AddRange(page.Items);
                cursor = page.NextCursor;
            }
            while (cursor is not null);

            var expected = model.Cases
                .Where(c => c.Region == region && (view == "region" || c.Record.Status == CaseStatus.ForwardedToClinician))
                .OrderByDescending(c => c.Seq).Select(c => CaseListItem.From(c.Record, readUpTo: 0)).ToList();
            breaks.Check(
                listed.SequenceEqual(expected), "storage",
                () => $"the {region} {view} list holds {listed.Count} cases, the 2xx answers made {expected.Count}; first difference at "
                    + $"{listed.Zip(expected).TakeWhile(p => p.First == p.Second).Count()}");
        }
    }

    /// <summary>The admin's feed from where the program began: every event of the program, in order, and nothing else.</summary>
    private async Task CheckFeedAsync(ImmutableSortedDictionary<string, long> heads)
    {
        var admin = callers[_admin];
        var from = heads;
        for (var page = 0; page < 100; page++)
        {
            var path = $"/api/feed?after={new FeedCursor(from).Encode()}&limit={FeedApi.MaxLimit}";
            var answer = await http.SendAsync(admin, page % 2, HttpMethod.Get, path);
            if (!breaks.Check(answer.Status == 200, "storage", () => $"feed read back got {answer.Status}: {AnswerChecks.Clip(answer.Text)}"))
            {
                return;
            }

            runner.Feeds.Check(admin.User!, from, FeedApi.MaxLimit, answer);
            var (items, next) = FeedOracle.Read(model, admin.User!, from, FeedApi.MaxLimit);
            if (items.Count == 0)
            {
                breaks.Check(next.SequenceEqual(FeedOracle.Heads(model, admin.User!)), "storage", () => "the feed read back stops short of the heads");
                return;
            }

            from = next;
        }
    }

    private static int Index(string userId) => FuzzCallers.Users.Select((u, i) => (u, i)).First(x => x.u.Id == userId).i;
}
