namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>
/// One generated step of a fuzz program. Steps hold choices, not resolved values: which caller (an index into
/// <see cref="FuzzCallers"/>), which web instance, which kind of case id, field or cursor, and a pick among the
/// candidates the run has at that point (the cases it made, the commandIds it sent, the cursors it was given). The
/// runner resolves them against the model, so any step fits any state and a seed replays the same run.
/// </summary>
public abstract record FuzzStep;

/// <summary>POST /api/cases with a body of valid or garbage fields.</summary>
public sealed record CreateStep(int Caller, int Web, CreateBody Body) : FuzzStep;

/// <summary>POST /api/cases/{id}/actions/{action} with any caller, action name and body.</summary>
public sealed record ActStep(int Caller, int Web, CaseRef Case, ActionName Action, ActBody Body) : FuzzStep;

/// <summary>
/// A command the lifecycle allows now (some user, some action of some case, with valid fields), so that runs get
/// past the first refusals and reach every status; <see cref="Pick"/> chooses among the allowed (user, action) pairs.
/// </summary>
public sealed record GuidedStep(int Web, CaseRef Case, int Pick, bool ExpectedVersion, bool Note) : FuzzStep;

/// <summary>The same command request sent again, byte for byte, by the same caller: a replay when it applied.</summary>
public sealed record ResendStep(int Web, int Pick) : FuzzStep;

/// <summary>GET /api/cases/{id}.</summary>
public sealed record GetCaseStep(int Caller, int Web, CaseRef Case) : FuzzStep;

/// <summary>GET /api/cases?view=&amp;status=&amp;priority=&amp;region=&amp;limit=&amp;cursor=.</summary>
public sealed record ListStep(int Caller, int Web, ListParams Query) : FuzzStep;

/// <summary>GET /api/feed?after=&amp;limit=.</summary>
public sealed record FeedStep(int Caller, int Web, FeedParams Query) : FuzzStep;

/// <summary>The hub's WatchCase on one of the user's live connections.</summary>
public sealed record WatchStep(int User, int Connection, CaseRef Case) : FuzzStep;

/// <summary>The hub's UnwatchCase on one of the user's live connections.</summary>
public sealed record UnwatchStep(int User, int Connection, CaseRef Case) : FuzzStep;

/// <summary>A hub call the hub must refuse without closing the connection: wrong arguments, unknown methods.</summary>
public sealed record HubGarbageStep(int User, int Connection, HubGarbageKind Kind) : FuzzStep;

/// <summary>Which case a step targets.</summary>
public sealed record CaseRef(CaseRefKind Kind, int Pick);

public enum CaseRefKind
{
    /// <summary>One of the few cases made last (deep lifecycles need several steps on one case).</summary>
    Recent,

    /// <summary>Any case the run has made.</summary>
    Any,

    /// <summary>A well-formed id of no case.</summary>
    Phantom,

    /// <summary>Something that is no case id at all.</summary>
    Garbage,
}

/// <summary>The action segment of an action's URL.</summary>
public sealed record ActionName(ActionNameKind Kind, int Pick);

public enum ActionNameKind
{
    Real,
    Create,
    Garbage,
}

public sealed record CreateBody(
    PatientRefKind PatientRef, TextKind Summary, PriorityKind Priority, CommandIdSpec CommandId, bool UnknownField, BodyFormat Format, int Pick);

/// <summary>
/// An action's body. A plausible one carries just the fields its action needs, valid (so the lifecycle decides: 200,
/// 403 or 409); otherwise each field is whatever its kind says.
/// </summary>
public sealed record ActBody(
    bool Plausible, TextKind Note, TextKind Reason, TextKind Facility, AssignSpec AssignTo, VersionKind ExpectedVersion, CommandIdSpec CommandId,
    bool UnknownField, BodyFormat Format, int Pick);

public sealed record CommandIdSpec(CommandIdKind Kind, int Pick);

public sealed record AssignSpec(AssignKind Kind, int Pick);

/// <summary>A list query. A plausible one asks for a list the caller's role reads, with valid filters (the page decides).</summary>
public sealed record ListParams(
    bool Plausible,
    ViewKind View, FilterKind Status, FilterKind Priority, RegionKind Region, LimitKind Limit, ListCursorKind Cursor, int Pick);

public sealed record FeedParams(FeedCursorKind After, LimitKind Limit, int Pick);

public enum TextKind
{
    Absent,
    Null,
    Empty,
    Blank,
    Plain,
    Unicode,
    Control,
    Markup,
    AtMax,
    OverMax,
    Huge,

    /// <summary>A lone UTF-16 surrogate, escaped: what the reader makes of it is not ours to predict.</summary>
    LoneSurrogate,
    Number,
    Array,
    Map,
    Bool,
}

public enum PatientRefKind
{
    Valid,
    AtMax,
    OverMax,
    Spaces,
    NonAscii,
    PathChars,
    Empty,
    Absent,
    Null,
    Number,
}

public enum PriorityKind
{
    Routine,
    Urgent,
    Emergency,

    /// <summary>"Urgent", "EMERGENCY": the enum reader's case rules are the framework's, so not predicted.</summary>
    OtherCase,

    /// <summary>1: an integer where a name is expected; the framework may read it as a value.</summary>
    Numeric,

    /// <summary>7: an integer of no priority; the reader takes integers as values, so this is an invalid priority (400).</summary>
    Undefined,
    Unknown,
    Empty,
    Null,
    Absent,
    Fraction,
}

public enum CommandIdKind
{
    Absent,
    Null,
    Fresh,

    /// <summary>A commandId this caller sent before (on any case, or in a create).</summary>
    Own,

    /// <summary>A commandId another caller sent.</summary>
    Others,
    Empty,
    Space,
    AtMax,
    OverMax,
    NonAscii,
    Number,
}

public enum AssignKind
{
    Absent,
    Null,

    /// <summary>A clinician of the case's region.</summary>
    Clinician,

    /// <summary>A clinician of another region.</summary>
    OtherRegion,

    /// <summary>Any demo user, whatever their role.</summary>
    AnyUser,

    /// <summary>No user of the directory.</summary>
    Unknown,
    Number,
}

public enum VersionKind
{
    Absent,
    Null,
    Current,
    Stale,
    Ahead,
    Zero,
    Negative,
    Max,
    Overflow,

    /// <summary>The current version as a JSON string: the framework's number handling decides, so not predicted.</summary>
    AsString,
    Fraction,
    Bool,
}

/// <summary>How a request body is framed, beyond its fields.</summary>
public enum BodyFormat
{
    Json,
    JsonWithBom,
    PlusJsonType,
    NoBody,
    TextPlain,
    NoContentType,
    Truncated,
    NotJson,
    JsonArray,
    JsonNull,
    JsonString,
    TrailingComma,
    SingleQuotes,
    DeepNesting,
    InvalidUtf8,
    DuplicateKey,
    Oversize,
}

public enum ViewKind
{
    Absent,
    Mine,
    Region,
    Queue,
    Assigned,
    Garbage,
}

public enum FilterKind
{
    Absent,
    Valid,
    Garbage,
}

public enum RegionKind
{
    Absent,
    North,
    South,
    Garbage,
}

public enum LimitKind
{
    Absent,
    Small,
    Valid,
    Zero,
    OverMax,
    Negative,
    NotNumber,
}

public enum ListCursorKind
{
    Absent,

    /// <summary>A nextCursor some list answered before (any list, any user).</summary>
    Pool,

    /// <summary>A cursor made the way the API makes them, for any list and position.</summary>
    Crafted,
    Garbage,
}

public enum FeedCursorKind
{
    Absent,

    /// <summary>A feedCursor or nextCursor some answer carried before (any user).</summary>
    Pool,

    /// <summary>A cursor made the way the API makes them, for any positions, names and lengths.</summary>
    Crafted,
    Garbage,
}

public enum HubGarbageKind
{
    WatchNull,
    WatchNumber,
    WatchTwoArguments,
    WatchNoArgument,
    UnknownMethod,
    UnwatchNumber,
    WatchLongText,
}
