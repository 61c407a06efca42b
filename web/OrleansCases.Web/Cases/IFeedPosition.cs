using OrleansCases.Abstractions;

namespace OrleansCases.Web.Cases;

/// <summary>
/// Where the feed stands for a caller: the cursor a list answer carries (<c>feedCursor</c>), from which the client
/// catches up on what happened after its list. Live delivery provides it, since a cursor is good only once this
/// instance delivers everything after it.
/// </summary>
public interface IFeedPosition
{
    /// <summary>
    /// Completes once a cursor read now is one this instance delivers from; throws
    /// <see cref="CaseUnavailableException"/> (503) when it is not so within a few seconds of starting.
    /// </summary>
    Task ReadyAsync(CancellationToken cancellationToken);

    /// <summary>The cursor at the head of every region the caller follows; <paramref name="known"/> is a head already read.</summary>
    Task<string> CursorForAsync(UserRef caller, (string Region, long Head)? known = null);
}
