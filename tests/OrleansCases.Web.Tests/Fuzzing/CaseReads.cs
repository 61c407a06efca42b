using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using OrleansCases.Web.Cases;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>GET /api/cases/{id}: the case exactly as the model holds it for anyone who may read it, 404 for anyone else.</summary>
public static class CaseReads
{
    public static Expectation Expect(FuzzCaller caller, string id, ModelCase? target)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.SignedIn)
        {
            return Expectation.Unauthorized;
        }

        return !CaseIds.IsWellFormed(id) || target is null ? Expectation.NotFound("no such case")
            : !Section3.MayRead(caller.User!, target.Region, target.OwnerId) ? Expectation.NotFound("case not readable by the caller")
            : Expectation.Status(200, "readable case");
    }

    /// <summary>A 200 must show the stored case: every field and history entry of the model, and the caller's allowed actions.</summary>
    public static void Check(Breaks breaks, UserRef user, ModelCase target, Answer answer, string what = "GET")
    {
        ArgumentNullException.ThrowIfNull(breaks);
        if (AnswerChecks.Read<CaseResponse>(breaks, answer) is { } view)
        {
            Check(breaks, user, target, view, what);
        }
    }

    public static void Check(Breaks breaks, UserRef user, ModelCase target, CaseResponse view, string what)
    {
        ArgumentNullException.ThrowIfNull(breaks);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(view);
        var record = CommandAnswers.Record(view);
        breaks.Check(record == target.Record, "storage", () => $"{what} shows {record}, the 2xx answers made {target.Record}");
        breaks.Check(
            view.History.Select(h => h.Version).SequenceEqual(Enumerable.Range(1, view.History.Count)) && view.History.Count == view.Version,
            "versions", () => $"{what} history versions [{string.Join(",", view.History.Select(h => h.Version))}] for version {view.Version}: not 1..n");
        breaks.Check(
            view.History.SequenceEqual(target.History), "storage",
            () => $"{what} history differs from the 2xx answers: first difference at version {view.History.Zip(target.History).TakeWhile(p => p.First == p.Second).Count() + 1}");
        var allowed = CaseLifecycle.AllowedActions(target.Record, user);
        breaks.Check(
            view.AllowedActions.SequenceEqual(allowed), "oracle",
            () => $"{what} allowedActions for {user.Id} [{string.Join(",", view.AllowedActions)}], expected [{string.Join(",", allowed)}]");
    }
}
