namespace OrleansCases.Abstractions.Lifecycle;

/// <summary>
/// The pure rules of docs/design.md sections 2 and 3: who may read a case, what they may do to it, and what the case
/// becomes. No I/O and no clock: the caller passes the time, so the same inputs always give the same decision.
/// Callers check input shape (<see cref="CaseInputRules"/>), existence, replays and expectedVersion first.
/// </summary>
public static class CaseLifecycle
{
    /// <summary>A case keeps at most this many history entries; a further action is refused.</summary>
    public const int MaxHistory = 1_000;

    /// <summary>The owner, every chw and clinician of the case's region, and admins may read a case.</summary>
    public static bool CanRead(CaseRecord @case, UserRef user)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(user);
        return user.Role == UserRole.Admin
            || user.Id == @case.OwnerId
            || (user.Region == @case.Region && user.Role is UserRole.Chw or UserRole.Clinician);
    }

    /// <summary>Every relation <paramref name="user"/> has to <paramref name="case"/>.</summary>
    public static CaseParty PartiesOf(CaseRecord @case, UserRef user)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(user);
        var parties = CaseParty.None;
        if (user.Id == @case.OwnerId)
        {
            parties |= CaseParty.Owner;
        }

        if (@case.AssigneeId is not null && user.Id == @case.AssigneeId)
        {
            parties |= CaseParty.Assignee;
        }

        if (user.Role == UserRole.Admin)
        {
            parties |= CaseParty.Admin;
        }
        else if (user.Region == @case.Region)
        {
            parties |= user.Role switch
            {
                UserRole.Asha => CaseParty.RegionAsha,
                UserRole.Chw => CaseParty.RegionChw,
                UserRole.Clinician => CaseParty.RegionClinician,
                _ => CaseParty.None,
            };
        }

        return parties;
    }

    /// <summary>The actions <paramref name="user"/> may take on <paramref name="case"/> in its current status.</summary>
    public static IReadOnlyList<CaseAction> AllowedActions(CaseRecord @case, UserRef user)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (!CanRead(@case, user) || @case.Version >= MaxHistory)
        {
            return [];
        }

        var parties = PartiesOf(@case, user);
        return TransitionTable.Rows
            .Where(t => t.From.Contains(@case.Status) && Permits(t, @case, user, parties))
            .Select(t => t.Action)
            .Distinct()
            .ToArray();
    }

    /// <summary>Opens a case: only ashas and chws may, in their own region, which becomes the case's.</summary>
    public static Decision DecideCreate(string caseId, CreateCaseCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var actor = command.Actor;
        if (actor.Role is not (UserRole.Asha or UserRole.Chw) || string.IsNullOrEmpty(actor.Region))
        {
            return Decision.Forbidden;
        }

        var next = new CaseRecord(
            Id: caseId,
            Region: actor.Region,
            PatientRef: command.PatientRef,
            Summary: command.Summary,
            Priority: command.Priority,
            Status: CaseStatus.Open,
            Version: 1,
            OwnerId: actor.Id,
            AssigneeId: null,
            Facility: null,
            CreatedAt: now,
            UpdatedAt: now);
        var entry = new CaseHistoryEntry(
            Version: 1,
            Action: CaseAction.Create,
            From: null,
            To: CaseStatus.Open,
            By: actor.Id,
            ByName: actor.Name,
            At: now,
            Note: null,
            AssigneeId: null,
            Facility: null);
        return new Decision(CaseCommandOutcome.Ok, next, entry);
    }

    /// <summary>
    /// Decides a transition of an existing case, in the order of docs/design.md section 4 from "not readable" on:
    /// 404, then 403 (not permitted in any status), then 409 (not from this status), then the assignee's validity.
    /// </summary>
    public static Decision Decide(CaseRecord current, CaseActionCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(command);
        var user = command.Actor;
        if (!CanRead(current, user))
        {
            return Decision.NotFound;
        }

        var parties = PartiesOf(current, user);
        var rows = TransitionTable.For(command.Action);
        if (command.Action == CaseAction.Create || !rows.Any(t => Permits(t, current, user, parties)))
        {
            return Decision.Forbidden;
        }

        var row = rows.FirstOrDefault(t => t.From.Contains(current.Status) && Permits(t, current, user, parties));
        if (row is null)
        {
            return new Decision(CaseCommandOutcome.InvalidTransition, AllowedActions: AllowedActions(current, user));
        }

        if (current.Version >= MaxHistory)
        {
            return Decision.HistoryFull;
        }

        if (row.Assignee == AssigneeEffect.FromInput && command.AssignTo is { } assignee &&
            (assignee.Role != UserRole.Clinician || assignee.Region != current.Region))
        {
            return new Decision(CaseCommandOutcome.Invalid, Errors: new Dictionary<string, string[]>
            {
                ["assignTo"] = ["must name a clinician of the case's region."],
            });
        }

        return Apply(current, row, command, now);
    }

    /// <summary>
    /// Escalates a case that waits in the review queue (docs/design.md section 10): the system's transition, a new
    /// version at the next level. Refused (InvalidTransition) once the case has left the queue, and at a full history.
    /// The caller decides when it is due; the lifecycle only what it does.
    /// </summary>
    public static Decision DecideEscalation(CaseRecord current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        var row = TransitionTable.For(CaseAction.Escalate).FirstOrDefault(t => t.From.Contains(current.Status));
        if (row is null)
        {
            return new Decision(CaseCommandOutcome.InvalidTransition, AllowedActions: []);
        }

        if (current.Version >= MaxHistory)
        {
            return Decision.HistoryFull;
        }

        var next = current with
        {
            Version = current.Version + 1,
            EscalationLevel = current.EscalationLevel + 1,
            UpdatedAt = now,
        };
        var entry = new CaseHistoryEntry(
            Version: next.Version,
            Action: CaseAction.Escalate,
            From: current.Status,
            To: row.To,
            By: SystemActor.Id,
            ByName: SystemActor.Name,
            At: now,
            Note: null,
            AssigneeId: current.AssigneeId,
            Facility: current.Facility,
            Level: next.EscalationLevel);
        return new Decision(CaseCommandOutcome.Ok, next, entry);
    }

    /// <summary>
    /// Where a case stands in the review queue after <paramref name="history"/> (oldest first): since when it waits and
    /// at which escalation level, or (0, null) when it is not in the queue. What <see cref="Decide"/> and
    /// <see cref="DecideEscalation"/> record, rebuilt, so that a case as it stood at any version can be told again.
    /// </summary>
    public static (int Level, DateTimeOffset? WaitingSince) QueueAfter(IEnumerable<CaseHistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        (int Level, DateTimeOffset? WaitingSince) queue = (0, null);
        foreach (var entry in history)
        {
            queue = entry.To != CaseStatus.ForwardedToClinician ? (0, null)
                : entry.From != CaseStatus.ForwardedToClinician ? (0, entry.At)
                : entry.Level is { } level ? (level, queue.WaitingSince)
                : queue;
        }

        return queue;
    }

    private static bool Permits(Transition row, CaseRecord @case, UserRef user, CaseParty parties) =>
        (row.Who & parties) != CaseParty.None
        && (!row.AssigneeOnlyWhenSet || @case.AssigneeId is null || @case.AssigneeId == user.Id);

    private static Decision Apply(CaseRecord current, Transition row, CaseActionCommand command, DateTimeOffset now)
    {
        var assignee = row.Assignee switch
        {
            AssigneeEffect.FromInput when command.Action == CaseAction.Forward => command.AssignTo?.Id ?? current.AssigneeId,
            AssigneeEffect.FromInput => command.AssignTo?.Id,
            AssigneeEffect.Actor => command.Actor.Id,
            AssigneeEffect.Clear => null,
            _ => current.AssigneeId,
        };
        var facility = row.Accepts(CaseFields.Facility) ? command.Facility : current.Facility;
        (int level, DateTimeOffset? waitingSince) = row.To != CaseStatus.ForwardedToClinician ? (0, null)
            : current.Status != CaseStatus.ForwardedToClinician ? (0, now)
            : (current.EscalationLevel, current.WaitingSince);
        var next = current with
        {
            Status = row.To,
            Version = current.Version + 1,
            AssigneeId = assignee,
            Facility = facility,
            UpdatedAt = now,
            EscalationLevel = level,
            WaitingSince = waitingSince,
        };
        var note = string.IsNullOrWhiteSpace(command.Note) ? command.Reason : command.Note;
        var entry = new CaseHistoryEntry(
            Version: next.Version,
            Action: command.Action,
            From: current.Status,
            To: row.To,
            By: command.Actor.Id,
            ByName: command.Actor.Name,
            At: now,
            Note: note,
            AssigneeId: assignee,
            Facility: facility);
        return new Decision(CaseCommandOutcome.Ok, next, entry);
    }
}
