using System.Text.Json.Nodes;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using OrleansCases.Web.Cases;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>
/// Checks a command's 2xx answer and records it in the model: a new version must be exactly one more than the last
/// (versions gapless), carry the history the model holds plus one entry for this very command, and be what the
/// lifecycle decided; a replay must be, field for field, the answer that made its version.
/// </summary>
public sealed class CommandAnswers(CaseModel model, Breaks breaks, FuzzStats stats)
{
    public void Created(UserRef user, CommandRequest request, Expectation expected, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(answer);
        if (AnswerChecks.Read<CaseResponse>(breaks, answer) is not { } view)
        {
            return;
        }

        var commandId = request.Body.Text("commandId");
        breaks.Check(CaseIds.IsWellFormed(view.Id), "create", () => $"id {view.Id} is no case id");
        breaks.Check(answer.Location == $"/api/cases/{view.Id}", "create", () => $"Location {answer.Location} for {view.Id}");
        if (commandId is not null)
        {
            breaks.Check(view.Id == CaseIds.ForCreate(user.Id, commandId), "create", () => $"id {view.Id} not derived from ({user.Id}, {commandId})");
        }

        if (model.Find(view.Id) is { } existing)
        {
            // Only a replay may answer a case that exists: the same bytes as the first time.
            Replayed(existing, 1, answer, "create");
            return;
        }

        breaks.Check(expected.ReplayVersion is null, "replay", () => $"create with a used commandId made {view.Id} anew");
        var record = Record(view);
        breaks.Check(
            record.Version == 1 && record.Status == CaseStatus.Open && record.OwnerId == user.Id && record.Region == user.Region
                && record.AssigneeId is null && record.Facility is null && view.History.Count == 1,
            "create", () => $"a new case must be version 1, Open, owned by {user.Id} in {user.Region}: {AnswerChecks.Clip(answer.Text)}");
        if (expected.Applied?.Next is { } next)
        {
            breaks.Check(
                (record.PatientRef, record.Summary, record.Priority) == (next.PatientRef, next.Summary, next.Priority),
                "create", () => $"fields differ from the request: {AnswerChecks.Clip(answer.Text)}");
        }

        Entry(view, user, CaseAction.Create, from: null, expected.Applied?.Entry, answer);

        // Recorded even when a check failed: the model must hold what storage holds, or every later check repeats the break.
        stats.Checked("new cases");
        if (view.History.Count > 0)
        {
            model.Created(record, view.History[^1], answer.Text, user.Id, commandId);
        }
    }

    public void Acted(UserRef user, CommandRequest request, ModelCase target, Expectation expected, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(answer);
        if (AnswerChecks.Read<CaseResponse>(breaks, answer) is not { } view)
        {
            return;
        }

        if (view.Id != target.Id)
        {
            breaks.Add("answer-shape", $"answered case {view.Id} for {target.Id}");
            return;
        }

        if (expected.ReplayVersion is { } replayed)
        {
            Replayed(target, replayed, answer, request.Action!);
            return;
        }

        if (view.Version <= target.Version)
        {
            // Not predicted as a replay (an ambiguous body): it may only be one, of a command of this caller.
            breaks.Check(expected.Ambiguous, "versions", () => $"version {view.Version} answered after {target.Version}: not one more");
            Replayed(target, view.Version, answer, request.Action!);
            return;
        }

        var record = Record(view);
        breaks.Check(
            record.Version == target.Version + 1, "versions",
            () => $"version {record.Version} follows {target.Version}: versions must grow by exactly 1");
        breaks.Check(
            (record.Region, record.OwnerId, record.PatientRef, record.Summary, record.Priority, record.CreatedAt)
                == (target.Record.Region, target.Record.OwnerId, target.Record.PatientRef, target.Record.Summary, target.Record.Priority, target.Record.CreatedAt),
            "answer", () => $"fields no action changes changed: {AnswerChecks.Clip(answer.Text)}");
        breaks.Check(
            view.History.Count == record.Version && view.History.Take(target.History.Count).SequenceEqual(target.History),
            "versions", () => $"history of {view.History.Count} entries is not the stored {target.History.Count} plus this one");
        if (expected.Applied?.Next is { } next)
        {
            breaks.Check(
                (record.Status, record.AssigneeId, record.Facility) == (next.Status, next.AssigneeId, next.Facility),
                "oracle", () => $"{request.Action} made {record.Status}/{record.AssigneeId}/{record.Facility}, the lifecycle says {next.Status}/{next.AssigneeId}/{next.Facility}");
            // The queue's wait: started by entering the queue (at the server's time), kept within it, ended by leaving it.
            var waitingSince = next.WaitingSince is null ? null : target.Record.Status == CaseStatus.ForwardedToClinician ? target.Record.WaitingSince : record.UpdatedAt;
            breaks.Check(
                (record.EscalationLevel, record.WaitingSince) == (next.EscalationLevel, waitingSince),
                "oracle", () => $"{request.Action} made level {record.EscalationLevel} waiting since {record.WaitingSince}, the lifecycle says {next.EscalationLevel} since {waitingSince}");
        }

        var action = WireName.TryParse<CaseAction>(request.Action, out var parsed) ? parsed : CaseAction.Create;
        Entry(view, user, action, target.Record.Status, expected.Applied?.Entry, answer);
        stats.Checked("new versions");
        if (record.Version == target.Version + 1 && view.History.Count > 0)
        {
            model.Applied(target, record, view.History[^1], answer.Text, user.Id, request.Body.Text("commandId"), target.Record.AssigneeId);
        }
    }

    private void Replayed(ModelCase target, int version, Answer answer, string what)
    {
        stats.Checked("replays");
        var first = target.Answers.GetValueOrDefault(version);
        breaks.Check(
            first is not null && JsonNode.DeepEquals(JsonNode.Parse(first), answer.Json()), "replay",
            () => $"{what} replayed version {version} of {target.Id}, but not as the first time: {AnswerChecks.Clip(answer.Text)} vs {AnswerChecks.Clip(first ?? "(no such version)")}");
    }

    /// <summary>The entry the command added: its version, action, statuses, author, note; and the caller's allowed actions.</summary>
    private void Entry(CaseResponse view, UserRef user, CaseAction action, CaseStatus? from, CaseHistoryEntry? decided, Answer answer)
    {
        if (view.History.Count == 0)
        {
            breaks.Add("versions", $"a {action} answered with no history at all");
            return;
        }

        var entry = view.History[^1];
        breaks.Check(
            entry.Version == view.Version && entry.Action == action && entry.From == from && entry.To == view.Status && entry.By == user.Id
                && entry.ByName == user.Name && entry.AssigneeId == view.AssigneeId && entry.Facility == view.Facility && entry.At == view.UpdatedAt,
            "versions", () => $"history entry {entry} does not record this {action} by {user.Id}");
        if (decided is not null)
        {
            breaks.Check(entry.Note == decided.Note, "oracle", () => $"note '{entry.Note}' stored, '{decided.Note}' sent");
        }

        var allowed = CaseLifecycle.AllowedActions(Record(view), user);
        breaks.Check(
            view.AllowedActions.SequenceEqual(allowed), "oracle",
            () => $"allowedActions [{string.Join(",", view.AllowedActions)}], expected [{string.Join(",", allowed)}]: {AnswerChecks.Clip(answer.Text)}");
    }

    public static CaseRecord Record(CaseResponse view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Id, view.Region, view.PatientRef, view.Summary, view.Priority, view.Status, view.Version, view.OwnerId,
            view.AssigneeId, view.Facility, view.CreatedAt, view.UpdatedAt, EscalationLevel: view.EscalationLevel, WaitingSince: view.WaitingSince);
    }
}
