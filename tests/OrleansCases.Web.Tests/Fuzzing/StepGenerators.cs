using FsCheck;
using FsCheck.Fluent;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>
/// FsCheck generators of fuzz programs. Most steps are plausible (valid commands, real case ids), so that runs reach
/// deep into the lifecycle; around them, garbage of every kind the API and hub must refuse calmly.
/// </summary>
public static class StepGenerators
{
    public static Gen<FuzzProgram> Program(int minSteps, int maxSteps) =>
        from length in Gen.Choose(minSteps, maxSteps)
        from steps in Step.ArrayOf(length)
        select new FuzzProgram(steps);

    /// <summary>Per run: which web instance each demo user's live connection uses, and whether it speaks MessagePack.</summary>
    public static Gen<LivePlan> Live =>
        from webs in Gen.Choose(0, 1).ArrayOf(FuzzCallers.UserCount)
        from messagePack in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true))).ArrayOf(FuzzCallers.UserCount)
        select new LivePlan(webs, messagePack);

    public static Gen<FuzzStep> Step => Gen.Frequency(
        (22, Guided()),
        (22, Act()),
        (9, Create()),
        (4, Resend()),
        (10, GetCase()),
        (10, List()),
        (7, Feed()),
        (7, Watch()),
        (3, Unwatch()),
        (2, HubGarbage()));

    private static Gen<int> Pick => Gen.Choose(0, 1_000_000);

    private static Gen<int> Web => Gen.Choose(0, 1);

    /// <summary>Mostly demo users; one request in twenty-five from a caller without a valid token.</summary>
    private static Gen<int> Caller => Gen.Frequency(
        (24, Gen.Choose(0, FuzzCallers.UserCount - 1)),
        (1, Gen.Choose(FuzzCallers.UserCount, FuzzCallers.Count - 1)));

    private static Gen<int> User => Gen.Choose(0, FuzzCallers.UserCount - 1);

    private static Gen<CaseRef> Case =>
        from kind in Weighted((12, CaseRefKind.Recent), (6, CaseRefKind.Any), (1, CaseRefKind.Phantom), (1, CaseRefKind.Garbage))
        from pick in Pick
        select new CaseRef(kind, pick);

    private static Gen<FuzzStep> Guided() =>
        from web in Web
        from c in Case.Where(c => c.Kind is CaseRefKind.Recent or CaseRefKind.Any)
        from pick in Pick
        from version in Gen.Elements(true, false)
        from note in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select (FuzzStep)new GuidedStep(web, c, pick, version, note);

    private static Gen<FuzzStep> Act() =>
        from caller in Caller
        from web in Web
        from c in Case
        from action in ActionNames
        from body in ActBodies
        select (FuzzStep)new ActStep(caller, web, c, action, body);

    private static Gen<ActionName> ActionNames =>
        from kind in Weighted((16, ActionNameKind.Real), (1, ActionNameKind.Create), (2, ActionNameKind.Garbage))
        from pick in Pick
        select new ActionName(kind, pick);

    private static Gen<ActBody> ActBodies =>
        from plausible in Gen.Elements(true, false)
        from note in Text
        from reason in Text
        from facility in Text
        from assign in Assign
        from version in Version
        from commandId in CommandId
        from unknown in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from format in Format
        from pick in Pick
        select new ActBody(plausible, note, reason, facility, assign, version, commandId, unknown, format, pick);

    private static Gen<FuzzStep> Create() =>
        from caller in Caller
        from web in Web
        from patientRef in Weighted(
            (30, PatientRefKind.Valid), (2, PatientRefKind.AtMax), (1, PatientRefKind.OverMax), (1, PatientRefKind.Spaces),
            (1, PatientRefKind.NonAscii), (1, PatientRefKind.PathChars), (1, PatientRefKind.Empty), (1, PatientRefKind.Absent),
            (1, PatientRefKind.Null), (1, PatientRefKind.Number))
        from summary in Gen.Frequency(
            (12, Gen.Constant(TextKind.Plain)),
            (1, Gen.Elements(Enum.GetValues<TextKind>())))
        from priority in Weighted(
            (8, PriorityKind.Routine), (5, PriorityKind.Urgent), (3, PriorityKind.Emergency), (1, PriorityKind.OtherCase),
            (1, PriorityKind.Numeric), (1, PriorityKind.Undefined), (1, PriorityKind.Unknown), (1, PriorityKind.Empty),
            (1, PriorityKind.Null), (1, PriorityKind.Absent), (1, PriorityKind.Fraction))
        from commandId in CommandId
        from unknown in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from format in Gen.Frequency((4, Gen.Constant(BodyFormat.Json)), (1, Format))
        from pick in Pick
        select (FuzzStep)new CreateStep(caller, web, new CreateBody(patientRef, summary, priority, commandId, unknown, format, pick));

    private static Gen<FuzzStep> Resend() =>
        from web in Web
        from pick in Pick
        select (FuzzStep)new ResendStep(web, pick);

    private static Gen<FuzzStep> GetCase() =>
        from caller in Caller
        from web in Web
        from c in Case
        select (FuzzStep)new GetCaseStep(caller, web, c);

    private static Gen<FuzzStep> List() =>
        from caller in Caller
        from web in Web
        from plausible in Gen.Elements(true, false)
        from view in Weighted(
            (2, ViewKind.Absent), (3, ViewKind.Mine), (3, ViewKind.Region), (3, ViewKind.Queue), (2, ViewKind.Assigned), (1, ViewKind.Garbage))
        from status in Weighted((6, FilterKind.Absent), (3, FilterKind.Valid), (1, FilterKind.Garbage))
        from priority in Weighted((6, FilterKind.Absent), (3, FilterKind.Valid), (1, FilterKind.Garbage))
        from region in Weighted((5, RegionKind.Absent), (3, RegionKind.North), (3, RegionKind.South), (1, RegionKind.Garbage))
        from limit in Limit
        from cursor in Weighted((5, ListCursorKind.Absent), (4, ListCursorKind.Pool), (2, ListCursorKind.Crafted), (1, ListCursorKind.Garbage))
        from pick in Pick
        select (FuzzStep)new ListStep(caller, web, new ListParams(plausible, view, status, priority, region, limit, cursor, pick));

    private static Gen<FuzzStep> Feed() =>
        from caller in Caller
        from web in Web
        from after in Weighted((2, FeedCursorKind.Absent), (5, FeedCursorKind.Pool), (3, FeedCursorKind.Crafted), (1, FeedCursorKind.Garbage))
        from limit in Limit
        from pick in Pick
        select (FuzzStep)new FeedStep(caller, web, new FeedParams(after, limit, pick));

    private static Gen<FuzzStep> Watch() =>
        from user in User
        from connection in Gen.Choose(0, 1)
        from c in Case
        select (FuzzStep)new WatchStep(user, connection, c);

    private static Gen<FuzzStep> Unwatch() =>
        from user in User
        from connection in Gen.Choose(0, 1)
        from c in Case
        select (FuzzStep)new UnwatchStep(user, connection, c);

    private static Gen<FuzzStep> HubGarbage() =>
        from user in User
        from connection in Gen.Choose(0, 1)
        from kind in Gen.Elements(Enum.GetValues<HubGarbageKind>())
        select (FuzzStep)new HubGarbageStep(user, connection, kind);

    /// <summary>Absent most of the time (an action uses one or two fields), otherwise anything.</summary>
    private static Gen<TextKind> Text => Gen.Frequency(
        (10, Gen.Constant(TextKind.Absent)),
        (3, Gen.Constant(TextKind.Plain)),
        (4, Gen.Elements(Enum.GetValues<TextKind>())));

    private static Gen<AssignSpec> Assign =>
        from kind in Weighted(
            (10, AssignKind.Absent), (1, AssignKind.Null), (3, AssignKind.Clinician), (1, AssignKind.OtherRegion),
            (1, AssignKind.AnyUser), (1, AssignKind.Unknown), (1, AssignKind.Number))
        from pick in Pick
        select new AssignSpec(kind, pick);

    private static Gen<VersionKind> Version => Gen.Frequency(
        (8, Gen.Constant(VersionKind.Absent)),
        (4, Gen.Constant(VersionKind.Current)),
        (2, Gen.Constant(VersionKind.Stale)),
        (3, Gen.Elements(Enum.GetValues<VersionKind>())));

    private static Gen<CommandIdSpec> CommandId =>
        from kind in Weighted(
            (5, CommandIdKind.Absent), (6, CommandIdKind.Fresh), (3, CommandIdKind.Own), (1, CommandIdKind.Others), (1, CommandIdKind.Null),
            (1, CommandIdKind.Empty), (1, CommandIdKind.Space), (1, CommandIdKind.AtMax), (1, CommandIdKind.OverMax),
            (1, CommandIdKind.NonAscii), (1, CommandIdKind.Number))
        from pick in Pick
        select new CommandIdSpec(kind, pick);

    private static Gen<BodyFormat> Format => Gen.Frequency(
        (14, Gen.Constant(BodyFormat.Json)),
        (4, Gen.Elements(Enum.GetValues<BodyFormat>())));

    private static Gen<LimitKind> Limit => Weighted(
        (6, LimitKind.Absent), (4, LimitKind.Small), (3, LimitKind.Valid), (1, LimitKind.Zero), (1, LimitKind.OverMax),
        (1, LimitKind.Negative), (1, LimitKind.NotNumber));

    private static Gen<T> Weighted<T>(params (int Weight, T Value)[] choices) =>
        Gen.Frequency(choices.Select(c => (c.Weight, Gen.Constant(c.Value))));
}

/// <summary>One generated program: the steps a run sends one after another, before its invariants are checked.</summary>
public sealed record FuzzProgram(IReadOnlyList<FuzzStep> Steps);

/// <summary>Where each demo user's live connection goes; the admin has one on each web instance besides.</summary>
public sealed record LivePlan(IReadOnlyList<int> Webs, IReadOnlyList<bool> MessagePack);
