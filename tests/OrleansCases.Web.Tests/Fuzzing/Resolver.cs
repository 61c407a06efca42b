using System.Globalization;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Lifecycle;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>A command as sent: who, where, and the body; kept so that a later step can send it again unchanged.</summary>
public sealed record CommandRequest(int Caller, string Path, string? CaseId, string? Action, RenderedBody Body)
{
    public bool IsCreate => CaseId is null;
}

/// <summary>
/// Turns a step's choices into concrete values against the model: which case, which commandId (fresh, or one sent
/// before), which assignee, which expectedVersion, and the body that carries them.
/// </summary>
public sealed class Resolver(CaseModel model, FuzzCallers callers)
{
    private const int RecentCases = 8;
    private int _fresh;

    public (string Id, ModelCase? Case) Case(CaseRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var cases = model.Cases;
        var kind = cases.Count == 0 && target.Kind is CaseRefKind.Recent or CaseRefKind.Any ? CaseRefKind.Phantom : target.Kind;
        return kind switch
        {
            CaseRefKind.Recent => Found(Recent.Pick(cases, target.Pick, RecentCases)!),
            CaseRefKind.Any => Found(cases[target.Pick % cases.Count]),
            CaseRefKind.Phantom => (CaseIds.ForCreate("phantom", target.Pick.ToString(CultureInfo.InvariantCulture)), null),
            _ => (Garbage.Of(Garbage.CaseIds, target.Pick), null),
        };

        static (string, ModelCase?) Found(ModelCase c) => (c.Id, c);
    }

    /// <summary>A well-formed id of no case, new each time (the twin of a request on a case its caller may not read).</summary>
    public string Phantom() => CaseIds.ForCreate("phantom", "twin-" + Fresh());

    public string Fresh() => "fz-" + (++_fresh).ToString(CultureInfo.InvariantCulture);

    public CommandRequest Create(int caller, CreateBody spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var user = callers[caller].User;
        var fields = new List<(string, FieldValue?)>
        {
            ("patientRef", PatientRef(spec.PatientRef, spec.Pick)),
            ("summary", FieldValue.Text(spec.Summary, CaseInputRules.SummaryMaxLength, spec.Pick)),
            ("priority", Priority(spec.Priority, spec.Pick)),
            ("commandId", CommandId(spec.CommandId, user?.Id)),
        };
        var body = JsonBodies.Render(Rotate(fields, spec.Pick), spec.UnknownField, spec.Format, spec.Pick);
        return new CommandRequest(caller, "/api/cases", null, null, body);
    }

    public CommandRequest Act(int caller, string caseId, ModelCase? target, string action, ActBody spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var user = callers[caller].User;
        var plausible = spec.Plausible && WireName.TryParse<CaseAction>(action, out var known) ? Plausible(known, target?.Region ?? "north", spec.Pick) : null;
        var fields = new List<(string, FieldValue?)>
        {
            ("note", plausible is null ? FieldValue.Text(spec.Note, CaseInputRules.NoteMaxLength, spec.Pick) : plausible["note"]),
            ("reason", plausible is null ? FieldValue.Text(spec.Reason, CaseInputRules.ReasonMaxLength, spec.Pick / 7) : plausible["reason"]),
            ("facility", plausible is null ? FieldValue.Text(spec.Facility, CaseInputRules.FacilityMaxLength, spec.Pick / 11) : plausible["facility"]),
            ("assignTo", plausible is null ? AssignTo(spec.AssignTo, target?.Region ?? "north") : plausible["assignTo"]),
            ("expectedVersion", ExpectedVersion(spec.ExpectedVersion, target?.Version ?? 1)),
            ("commandId", CommandId(spec.CommandId, user?.Id)),
        };
        return Act(caller, caseId, action, JsonBodies.Render(Rotate(fields, spec.Pick), spec.UnknownField, spec.Format, spec.Pick));
    }

    public static CommandRequest Act(int caller, string caseId, string action, RenderedBody body) =>
        new(caller, $"/api/cases/{Uri.EscapeDataString(caseId)}/actions/{Uri.EscapeDataString(action)}", caseId, action, body);

    /// <summary>
    /// A command the lifecycle allows now, with valid fields: the user and action are picked among every (demo user,
    /// allowed action) pair of the case; null when nobody may do anything to it (a cancelled case).
    /// </summary>
    public CommandRequest? Guided(ModelCase target, GuidedStep step)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(step);
        var pairs = FuzzCallers.Users
            .Select((user, index) => (Index: index, User: user))
            .SelectMany(u => CaseLifecycle.AllowedActions(target.Record, u.User).Select(a => (u.Index, u.User, Action: a)))
            .ToArray();
        if (pairs.Length == 0)
        {
            return null;
        }

        // Action first, then who: picking among (user, action) pairs would mostly cancel, since so many may.
        var actions = pairs.Select(p => p.Action).Distinct().ToList();
        if (actions.Count > 1 && step.Pick % 6 != 0)
        {
            actions.Remove(CaseAction.Cancel);
        }

        var chosen = actions[step.Pick % actions.Count];
        var who = pairs.Where(p => p.Action == chosen).ToArray();
        var (caller, user, action) = who[step.Pick / 7 % who.Length];
        var plausible = Plausible(action, target.Region, step.Note ? step.Pick / 13 : step.Pick / 13 * 2);
        var fields = new List<(string, FieldValue?)>
        {
            ("note", plausible["note"]),
            ("reason", plausible["reason"]),
            ("facility", plausible["facility"]),
            ("assignTo", plausible["assignTo"]),
            ("expectedVersion", step.ExpectedVersion ? FieldValue.Number(target.Version) : null),
            ("commandId", CommandId(new CommandIdSpec(CommandIdKind.Fresh, 0), user.Id)),
        };
        return Act(caller, target.Id, WireName.Of(action), JsonBodies.Render(fields, unknownField: false, BodyFormat.Json, 0));
    }

    /// <summary>A valid create by <paramref name="caller"/> (markers, and guided steps on a case nobody may act on).</summary>
    public CommandRequest ValidCreate(int caller, string patientRef, CasePriority priority)
    {
        var fields = new List<(string, FieldValue?)>
        {
            ("patientRef", FieldValue.Of(patientRef)),
            ("summary", FieldValue.Of("Fever and cough.")),
            ("priority", Priority(priority switch { CasePriority.Urgent => PriorityKind.Urgent, CasePriority.Emergency => PriorityKind.Emergency, _ => PriorityKind.Routine }, 0)),
            ("commandId", CommandId(new CommandIdSpec(CommandIdKind.Fresh, 0), callers[caller].User?.Id)),
        };
        return new CommandRequest(caller, "/api/cases", null, null, JsonBodies.Render(fields, unknownField: false, BodyFormat.Json, 0));
    }

    /// <summary>
    /// Valid fields for <paramref name="action"/>: those it requires, and now and then (odd picks) a note where it
    /// takes one; forward and assign name a clinician of the region two times in three.
    /// </summary>
    private static Dictionary<string, FieldValue?> Plausible(CaseAction action, string region, int pick)
    {
        var clinicians = FuzzCallers.Users.Where(u => u.Role == UserRole.Clinician && u.Region == region).ToArray();
        var takesNote = action is not (CaseAction.Cancel or CaseAction.Reopen);
        return new Dictionary<string, FieldValue?>(StringComparer.Ordinal)
        {
            ["note"] = action is CaseAction.RequestInfo or CaseAction.Resubmit || (takesNote && pick % 2 == 1)
                ? FieldValue.Of(Garbage.Of(Garbage.Texts, pick)) : null,
            ["reason"] = action is CaseAction.Cancel or CaseAction.Reopen ? FieldValue.Of(Garbage.Of(Garbage.Texts, pick + 1)) : null,
            ["facility"] = action == CaseAction.Refer ? FieldValue.Of(Garbage.Of(Garbage.Texts, pick + 2)) : null,
            ["assignTo"] = action is CaseAction.Forward or CaseAction.Assign && pick % 3 != 0
                ? FieldValue.Of(clinicians[pick % clinicians.Length].Id) : null,
        };
    }

    public static string ActionName(ActionName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var actions = Enum.GetValues<CaseAction>().Where(a => a != CaseAction.Create).ToArray();
        return name.Kind switch
        {
            ActionNameKind.Real => WireName.Of(actions[name.Pick % actions.Length]),
            ActionNameKind.Create => "create",
            _ => Garbage.Of(Garbage.Actions, name.Pick),
        };
    }

    private FieldValue? CommandId(CommandIdSpec spec, string? callerId)
    {
        var value = spec.Kind switch
        {
            CommandIdKind.Absent => null,
            CommandIdKind.Null => FieldValue.Null,
            CommandIdKind.Fresh => FieldValue.Of(Fresh()),
            CommandIdKind.Own => FieldValue.Of(Reuse(callerId is null ? [] : model.CommandIdsOf(callerId), spec.Pick)),
            CommandIdKind.Others => FieldValue.Of(Reuse(callerId is null ? [] : [.. model.CommandIdsOfOthers(callerId)], spec.Pick)),
            CommandIdKind.Empty => FieldValue.Of(""),
            CommandIdKind.Space => FieldValue.Of("has space " + Fresh()),
            CommandIdKind.AtMax => FieldValue.Of(Fresh().PadRight(CaseInputRules.CommandIdMaxLength, 'm')),
            CommandIdKind.OverMax => FieldValue.Of(new string('m', CaseInputRules.CommandIdMaxLength + 1)),
            CommandIdKind.NonAscii => FieldValue.Of("cmd-é-" + Fresh()),
            CommandIdKind.Number => FieldValue.Wrong("12345"),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, null),
        };
        if (callerId is not null && value?.Parsed is string { Length: > 0 and <= CaseInputRules.CommandIdMaxLength } id && !id.Any(ch => ch is <= ' ' or > '~'))
        {
            model.Sent(callerId, id);
        }

        return value;
    }

    private string Reuse(IReadOnlyList<string> sent, int pick) => Recent.Pick(sent, pick, 20) ?? Fresh();

    private static FieldValue? AssignTo(AssignSpec spec, string region)
    {
        var users = FuzzCallers.Users;
        UserRef[] Clinicians(Func<string?, bool> where) => [.. users.Where(u => u.Role == UserRole.Clinician && where(u.Region))];
        return spec.Kind switch
        {
            AssignKind.Absent => null,
            AssignKind.Null => FieldValue.Null,
            AssignKind.Clinician => FieldValue.Of(Garbage.Of([.. Clinicians(r => r == region).Select(u => u.Id)], spec.Pick)),
            AssignKind.OtherRegion => FieldValue.Of(Garbage.Of([.. Clinicians(r => r != region).Select(u => u.Id)], spec.Pick)),
            AssignKind.AnyUser => FieldValue.Of(users[spec.Pick % users.Count].Id),
            AssignKind.Unknown => FieldValue.Of(Garbage.Of(Garbage.UnknownUsers, spec.Pick)),
            AssignKind.Number => FieldValue.Wrong("7"),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, null),
        };
    }

    private static FieldValue? ExpectedVersion(VersionKind kind, int current) => kind switch
    {
        VersionKind.Absent => null,
        VersionKind.Null => FieldValue.Null,
        VersionKind.Current => FieldValue.Number(current),
        VersionKind.Stale => FieldValue.Number(current - 1),
        VersionKind.Ahead => FieldValue.Number(current + 1),
        VersionKind.Zero => FieldValue.Number(0),
        VersionKind.Negative => FieldValue.Number(-3),
        VersionKind.Max => FieldValue.Number(int.MaxValue),
        VersionKind.Overflow => FieldValue.Number(30_000_000_000),
        VersionKind.AsString => new FieldValue($"\"{current.ToString(CultureInfo.InvariantCulture)}\"", null, Ambiguous: true),
        VersionKind.Fraction => FieldValue.Wrong("1.5"),
        VersionKind.Bool => FieldValue.Wrong("false"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static FieldValue? PatientRef(PatientRefKind kind, int pick) => kind switch
    {
        PatientRefKind.Valid => FieldValue.Of("P-" + (pick % 100_000).ToString(CultureInfo.InvariantCulture)),
        PatientRefKind.AtMax => FieldValue.Of("P_" + new string('9', CaseInputRules.PatientRefMaxLength - 2)),
        PatientRefKind.OverMax => FieldValue.Of(new string('P', CaseInputRules.PatientRefMaxLength + 1)),
        PatientRefKind.Spaces => FieldValue.Of("P 12"),
        PatientRefKind.NonAscii => FieldValue.Of("पी-12"),
        PatientRefKind.PathChars => FieldValue.Of("../P-1"),
        PatientRefKind.Empty => FieldValue.Of(""),
        PatientRefKind.Absent => null,
        PatientRefKind.Null => FieldValue.Null,
        PatientRefKind.Number => FieldValue.Wrong("42"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static FieldValue? Priority(PriorityKind kind, int pick) => kind switch
    {
        PriorityKind.Routine => new FieldValue("\"routine\"", CasePriority.Routine),
        PriorityKind.Urgent => new FieldValue("\"urgent\"", CasePriority.Urgent),
        PriorityKind.Emergency => new FieldValue("\"emergency\"", CasePriority.Emergency),
        PriorityKind.OtherCase => new FieldValue(pick % 2 == 0 ? "\"Urgent\"" : "\"EMERGENCY\"", null, Ambiguous: true),
        PriorityKind.Numeric => new FieldValue("1", null, Ambiguous: true),
        PriorityKind.Undefined => new FieldValue("7", (CasePriority)7),
        PriorityKind.Unknown => FieldValue.Wrong("\"whenever\""),
        PriorityKind.Empty => FieldValue.Wrong("\"\""),
        PriorityKind.Null => FieldValue.Null,
        PriorityKind.Absent => null,
        PriorityKind.Fraction => FieldValue.Wrong("1.5"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Fields in any order: a reader must not depend on it.</summary>
    private static List<(string, FieldValue?)> Rotate(List<(string, FieldValue?)> fields, int pick)
    {
        var by = pick % fields.Count;
        return [.. fields.Skip(by), .. fields.Take(by)];
    }
}
