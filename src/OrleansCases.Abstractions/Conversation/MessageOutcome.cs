namespace OrleansCases.Abstractions.Conversation;

/// <summary>How a message command ended; the web maps each to its status code (docs/design.md section 9).</summary>
public enum MessageOutcome
{
    /// <summary>Stored now, or replayed: the answer is the message as first stored (201; 204 for a read mark).</summary>
    Ok,

    /// <summary>Invalid input, see the errors (400).</summary>
    Invalid,

    /// <summary>No such case, or the caller may not read it (404: existence does not leak).</summary>
    NotFound,

    /// <summary>The case's thread holds the most messages it may (409).</summary>
    ThreadFull,
}
