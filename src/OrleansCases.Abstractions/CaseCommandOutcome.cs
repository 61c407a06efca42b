namespace OrleansCases.Abstractions;

/// <summary>How a command ended; the web maps each to its status code (docs/design.md section 4).</summary>
public enum CaseCommandOutcome
{
    /// <summary>Applied now, or replayed: the answer is the case as the first attempt left it (200/201).</summary>
    Ok,

    /// <summary>Malformed or invalid input, see the errors (400).</summary>
    Invalid,

    /// <summary>No such case, or the caller may not read it (404: existence does not leak).</summary>
    NotFound,

    /// <summary>The expected version differs from the current one (409 with currentVersion).</summary>
    VersionConflict,

    /// <summary>The caller may not do this action to this case in any status (403).</summary>
    Forbidden,

    /// <summary>The action is not allowed from the current status (409 with currentStatus and allowedActions).</summary>
    InvalidTransition,

    /// <summary>The case already holds the most history entries it may (409).</summary>
    HistoryFull,
}
