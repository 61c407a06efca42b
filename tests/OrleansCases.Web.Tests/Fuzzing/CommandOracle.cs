using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;
using OrleansCases.Web.Identity;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>
/// Predicts the answer to a create or an action from the model, in the check order of docs/design.md section 4: 401, 413,
/// 400 (malformed, then invalid), 404, replay, 409 expectedVersion, 403, 409 status. The lifecycle decisions
/// themselves come from the pure <see cref="CaseLifecycle"/>, whose own property tests check it against the design:
/// here the question is whether the whole pipeline (HTTP, JSON, grain, region log, storage, replays) does what it says.
/// </summary>
public static class CommandOracle
{
    private static readonly DateTimeOffset _now = DateTimeOffset.UnixEpoch;

    public static Expectation ForCreate(FuzzCaller caller, RenderedBody body, CaseModel model)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(model);
        if (!caller.SignedIn)
        {
            return Expectation.Unauthorized;
        }

        if (Framing(body, "create") is { } refused)
        {
            return refused;
        }

        if (body.Shape == BodyShape.Ambiguous)
        {
            return Expectation.AnyOf("create body read as the framework chooses", 201, 400, 403);
        }

        if (body.Bytes is null)
        {
            return Expectation.Invalid("create without a body", key: "body");
        }

        if (body.TypeErrorField is { } wrong)
        {
            return Expectation.Invalid($"create field {wrong} of the wrong type", key: wrong);
        }

        var user = caller.User!;
        var commandId = body.Text("commandId");
        var priority = body.Fields.GetValueOrDefault("priority") as CasePriority?;
        var command = new CreateCaseCommand(
            commandId ?? "generated-by-the-web", user, PatientRef: body.Text("patientRef") ?? "", Summary: body.Text("summary") ?? "",
            Priority: priority ?? CasePriority.Routine);
        var errors = CaseInputRules.Validate(command).Keys.ToHashSet(StringComparer.Ordinal);
        if (priority is null)
        {
            errors.Add("priority");
        }

        if (errors.Count > 0)
        {
            return Expectation.Invalid("create fields invalid", errors);
        }

        if (commandId is not null && model.Find(CaseIds.ForCreate(user.Id, commandId)) is not null)
        {
            return Expectation.Status(201, "create replayed") with { ReplayVersion = 1 };
        }

        var decision = CaseLifecycle.DecideCreate("c", command, _now);
        return decision.Outcome == CaseCommandOutcome.Ok
            ? Expectation.Status(201, "create applies") with { Applied = decision }
            : Expectation.Status(403, "role may not create");
    }

    public static Expectation ForAction(FuzzCaller caller, string id, ModelCase? target, string action, RenderedBody body)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(body);
        if (!caller.SignedIn)
        {
            return Expectation.Unauthorized;
        }

        var user = caller.User!;
        var readable = target is not null && Section3.MayRead(user, target.Region, target.OwnerId);
        if (Framing(body, "action") is { } refused)
        {
            return refused;
        }

        if (body.Shape == BodyShape.Ambiguous)
        {
            return readable
                ? Expectation.AnyOf("action body read as the framework chooses", 200, 400, 403, 409)
                : Expectation.AnyOf("action body read as the framework chooses, on a case the caller may not read", 400, 404);
        }

        if (body.TypeErrorField is { } wrong)
        {
            return Expectation.Invalid($"action field {wrong} of the wrong type", key: wrong);
        }

        if (!WireName.TryParse<CaseAction>(action, out var caseAction) || caseAction == CaseAction.Create)
        {
            return Expectation.Invalid("no such action", ["action"]);
        }

        UserRef? assignee = null;
        if (body.Text("assignTo") is { } assignTo && (assignee = DemoUsers.All.FirstOrDefault(u => u.Id == assignTo)) is null)
        {
            return readable ? Expectation.Invalid("assignTo names no user", ["assignTo"]) : Expectation.NotFound("assignTo names no user, case not readable");
        }

        var commandId = body.Text("commandId");
        var command = new CaseActionCommand(
            commandId ?? "generated-by-the-web", user, caseAction, Note: body.Text("note"), Reason: body.Text("reason"), AssignTo: assignee,
            Facility: body.Text("facility"), ExpectedVersion: body.Number("expectedVersion"));
        var errors = CaseInputRules.Validate(command);
        if (errors.Count > 0)
        {
            return Expectation.Invalid("action fields invalid", errors.Keys);
        }

        if (!CaseIds.IsWellFormed(id) || target is null)
        {
            return Expectation.NotFound("no such case");
        }

        if (!readable)
        {
            return Expectation.NotFound("case not readable by the caller");
        }

        if (target.ReplayOf(user.Id, commandId) is { } version)
        {
            return Expectation.Status(200, "action replayed") with { ReplayVersion = version };
        }

        if (command.ExpectedVersion is { } expected && expected != target.Version)
        {
            return Expectation.Status(409, "stale expectedVersion") with { CurrentVersion = target.Version };
        }

        var decision = CaseLifecycle.Decide(target.Record, command, _now);
        return decision.Outcome switch
        {
            CaseCommandOutcome.Ok => Expectation.Status(200, $"{action} applies") with { Applied = decision },
            CaseCommandOutcome.Forbidden => Expectation.Status(403, $"{user.Role} may never {action} this case"),
            CaseCommandOutcome.InvalidTransition => Expectation.Status(409, $"{action} not allowed from {target.Record.Status}") with
            {
                Transition = (target.Record.Status, decision.AllowedActions ?? []),
            },
            CaseCommandOutcome.HistoryFull => Expectation.Status(409, "history full") with { CurrentVersion = target.Version },
            CaseCommandOutcome.Invalid => Expectation.Invalid("assignTo not a clinician of the region", decision.Errors!.Keys),
            _ => throw new InvalidOperationException($"Unexpected decision {decision.Outcome}."),
        };
    }

    /// <summary>A body refused whole, before any field is read: too large, not sent as JSON, or no JSON object.</summary>
    private static Expectation? Framing(RenderedBody body, string what) => body.Shape switch
    {
        BodyShape.TooLarge => Expectation.TooLarge,
        BodyShape.NotJson => Expectation.Invalid($"{what} body not sent as JSON", key: "body"),
        BodyShape.Malformed => Expectation.Invalid($"{what} body malformed"),
        _ => null,
    };
}
