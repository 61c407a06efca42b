using System.Globalization;
using OrleansCases.Abstractions;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>
/// Runs fuzz programs one step after another (so every answer can be predicted exactly from the model), checks each
/// answer as it comes, and after each program settles and checks live delivery and storage.
/// </summary>
public sealed class FuzzRunner(
    FuzzCallers callers, FuzzHttp http, CaseModel model, Resolver resolver, HubSteps hub, Breaks breaks, FuzzStats stats)
{
    private const int ResendWindow = 100;
    private readonly CommandAnswers _answers = new(model, breaks, stats);
    private readonly ListReads _lists = new(model, breaks, stats);
    private readonly FeedReads _feeds = new(model, breaks, stats);
    private readonly List<CommandRequest> _resendable = [];

    /// <summary>Cases a program's steps aimed at: each is read back from storage when the program ends.</summary>
    public HashSet<string> Touched { get; } = new(StringComparer.Ordinal);

    /// <summary>The program being run, for the messages of breaks.</summary>
    public int Program { get; set; }

    public ListReads Lists => _lists;

    public FeedReads Feeds => _feeds;

    public async Task StepAsync(FuzzStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        stats.Stepped(step);
        switch (step)
        {
            case CreateStep s:
                await CommandAsync(resolver.Create(s.Caller, s.Body), s.Web);
                break;
            case ActStep s:
                var (id, target) = resolver.Case(s.Case);
                await CommandAsync(resolver.Act(s.Caller, id, target, Resolver.ActionName(s.Action), s.Body), s.Web);
                break;
            case GuidedStep s:
                await GuidedAsync(s);
                break;
            case ResendStep s:
                if (Recent.Pick(_resendable, s.Pick, ResendWindow) is { } again)
                {
                    await CommandAsync(again, s.Web);
                }

                break;
            case GetCaseStep s:
                await GetCaseAsync(s);
                break;
            case ListStep s:
                await ListAsync(s);
                break;
            case FeedStep s:
                await FeedAsync(s);
                break;
            case WatchStep or UnwatchStep or HubGarbageStep:
                breaks.Where = $"{Where()} {step}";
                await HubAsync(step);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, null);
        }
    }

    private async Task HubAsync(FuzzStep step)
    {
        switch (step)
        {
            case WatchStep s:
                await hub.WatchAsync(s, Touched);
                break;
            case UnwatchStep s:
                await hub.UnwatchAsync(s);
                break;
            case HubGarbageStep s:
                await hub.GarbageAsync(s);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, null);
        }
    }

    /// <summary>Sends a create or an action and checks its answer; answers the answer.</summary>
    public async Task<Answer> CommandAsync(CommandRequest request, int web)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = callers[request.Caller];
        breaks.Where = $"{Where()} {caller.Name} POST {AnswerChecks.Clip(request.Path)} {Describe(request.Body)}";
        if (caller.SignedIn && request.Body.Text("commandId") is not null)
        {
            _resendable.Add(request);
        }

        if (request.IsCreate)
        {
            var expected = CommandOracle.ForCreate(caller, request.Body, model);
            var answer = await http.SendAsync(caller, web, HttpMethod.Post, request.Path, request.Body);
            AnswerChecks.Status(breaks, answer, expected, unreadableCase: false);
            if (answer.Status is >= 200 and < 300 && caller.SignedIn)
            {
                _answers.Created(caller.User!, request, expected, answer);
                Touched.Add(answer.Json()?["id"]?.ToString() ?? "");
            }

            return answer;
        }

        var target = model.Find(request.CaseId!);
        var unreadable = target is not null && caller.SignedIn && !Section3.MayRead(caller.User!, target.Region, target.OwnerId);
        var expectedAct = ByServer(request.Path) ?? CommandOracle.ForAction(caller, request.CaseId!, target, request.Action!, request.Body);
        var acted = await http.SendAsync(caller, web, HttpMethod.Post, request.Path, request.Body);
        AnswerChecks.Status(breaks, acted, expectedAct, unreadable);
        if (target is not null)
        {
            Touched.Add(target.Id);
            if (acted.Status is >= 200 and < 300 && caller.SignedIn && !unreadable)
            {
                _answers.Acted(caller.User!, request, target, expectedAct, acted);
            }
        }

        if (unreadable)
        {
            // Whatever the answer says must be what a case that does not exist gets: nothing shows it is there.
            var twin = Resolver.Act(request.Caller, resolver.Phantom(), request.Action!, request.Body);
            var twinAnswer = await http.SendAsync(caller, web, HttpMethod.Post, twin.Path, twin.Body);
            AnswerChecks.Status(breaks, twinAnswer, CommandOracle.ForAction(caller, twin.CaseId!, null, twin.Action!, twin.Body), unreadableCase: false);
            SameAsNoCase(acted, twinAnswer);
        }

        return acted;
    }

    private async Task GuidedAsync(GuidedStep step)
    {
        var (_, target) = resolver.Case(step.Case);
        var request = target is null ? null : resolver.Guided(target, step);
        if (request is null)
        {
            // Nobody may act on it (cancelled): open a case instead, by one of the users who may.
            var openers = FuzzCallers.Users.Select((u, i) => (u, i)).Where(x => x.u.Role is UserRole.Asha or UserRole.Chw).ToArray();
            request = resolver.ValidCreate(openers[step.Pick % openers.Length].i, "P-" + (step.Pick % 1000).ToString(CultureInfo.InvariantCulture), (CasePriority)(step.Pick % 3));
        }

        await CommandAsync(request, step.Web);
    }

    private async Task GetCaseAsync(GetCaseStep step)
    {
        var caller = callers[step.Caller];
        var (id, target) = resolver.Case(step.Case);
        var path = $"/api/cases/{Uri.EscapeDataString(id)}";
        breaks.Where = $"{Where()} {caller.Name} GET {AnswerChecks.Clip(path)}";
        var unreadable = target is not null && caller.SignedIn && !Section3.MayRead(caller.User!, target.Region, target.OwnerId);
        var answer = await http.SendAsync(caller, step.Web, HttpMethod.Get, path);
        if (AnswerChecks.Status(breaks, answer, ByServer(path) ?? CaseReads.Expect(caller, id, target), unreadable) && answer.Status == 200)
        {
            CaseReads.Check(breaks, caller.User!, target!, answer);
            stats.Checked("cases read");
        }

        if (target is not null)
        {
            Touched.Add(target.Id);
        }

        if (unreadable)
        {
            var twin = await http.SendAsync(caller, step.Web, HttpMethod.Get, $"/api/cases/{resolver.Phantom()}");
            SameAsNoCase(answer, twin);
        }
    }

    private async Task ListAsync(ListStep step)
    {
        var caller = callers[step.Caller];
        var request = _lists.Build(step.Query, caller.User);
        breaks.Where = $"{Where()} {caller.Name} GET {AnswerChecks.Clip(request.Path)}";
        var (expected, query) = ListReads.Expect(caller, request);
        var answer = await http.SendAsync(caller, step.Web, HttpMethod.Get, request.Path);
        if (AnswerChecks.Status(breaks, answer, expected, unreadableCase: false) && answer.Status == 200 && query is not null)
        {
            _lists.Check(caller.User!, query, answer);
        }
    }

    private async Task FeedAsync(FeedStep step)
    {
        var caller = callers[step.Caller];
        var request = _feeds.Build(step.Query);
        breaks.Where = $"{Where()} {caller.Name} GET {AnswerChecks.Clip(request.Path)}";
        var (expected, from, take) = FeedReads.Expect(caller, request);
        var answer = await http.SendAsync(caller, step.Web, HttpMethod.Get, request.Path);
        if (AnswerChecks.Status(breaks, answer, expected, unreadableCase: false) && answer.Status == 200)
        {
            _feeds.Check(caller.User!, from, take, answer);
        }
    }

    /// <summary>Kestrel refuses a path with a NUL in it (400, no body) before any of the app runs, signed in or not.</summary>
    private static Expectation? ByServer(string path) =>
        path.Contains("%00", StringComparison.Ordinal) ? Expectation.Status(400, "NUL in the path") with { ByServer = true } : null;

    /// <summary>Isolation: an answer about a case the caller may not read is the answer about no case at all.</summary>
    private void SameAsNoCase(Answer answer, Answer twin)
    {
        stats.Checked("unreadable answered as no case");
        if (answer.Status == 0 || twin.Status == 0)
        {
            // A body over 64 KiB, refused by the server closing the connection (see AnswerChecks): nothing to compare.
            breaks.Check(Math.Max(answer.Status, twin.Status) is 0 or 413, "isolation", () => $"answered {answer.Status} for a case the caller may not read, {twin.Status} for no case");
            return;
        }

        var title = answer.Json()?["title"]?.ToString();
        var twinTitle = twin.Json()?["title"]?.ToString();
        breaks.Check(
            answer.Status == twin.Status && title == twinTitle && AnswerChecks.ErrorKeys(answer).SetEquals(AnswerChecks.ErrorKeys(twin)),
            "isolation", () => $"answered {answer.Status} '{title}' for a case the caller may not read, {twin.Status} '{twinTitle}' for no case");
    }

    private string Where() => string.Create(CultureInfo.InvariantCulture, $"program {Program} step {model.Step}:");

    private static string Describe(RenderedBody body)
    {
        var text = body.Bytes is null ? "(no body)" : System.Text.Encoding.UTF8.GetString(body.Bytes);
        return $"[{body.ContentType ?? "no type"}] {AnswerChecks.Clip(text)}";
    }
}
