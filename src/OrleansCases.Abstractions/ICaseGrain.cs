using OrleansCases.Abstractions.Conversation;
using OrleansCases.Abstractions.Reads;

namespace OrleansCases.Abstractions;

/// <summary>One patient case, keyed by case id. It owns the case's state, every status transition and its conversation.</summary>
[Alias("OrleansCases.ICaseGrain")]
public interface ICaseGrain : IGrainWithStringKey
{
    /// <summary>Opens the case; the grain's key must be <see cref="CaseIds.ForCreate"/> of the command.</summary>
    [Alias("CreateAsync")]
    Task<CaseCommandResult> CreateAsync(CreateCaseCommand command);

    /// <summary>Performs one transition; answers only after the change is stored and published.</summary>
    [Alias("ActAsync")]
    Task<CaseCommandResult> ActAsync(CaseActionCommand command);

    /// <summary>
    /// The case as <paramref name="reader"/> sees it, or null when it does not exist or they may not read it. Not a
    /// user's read: nothing is recorded (the web's own checks, tests); a user's read is <see cref="ReadAsync"/>.
    /// </summary>
    [Alias("GetAsync")]
    Task<CaseView?> GetAsync(UserRef reader);

    /// <summary>
    /// A user's read of the case's detail (docs/design.md section 10): answered as <see cref="GetAsync"/> with
    /// <see cref="CaseView.SeenBy"/>, and recorded in the case's read audit before it is answered. A clinician's first
    /// read that <paramref name="opened"/> the case (not a page filling in a list or a toast behind their back) is
    /// recorded as seen and told to the owner. Changes no version.
    /// </summary>
    [Alias("ReadAsync")]
    Task<CaseView?> ReadAsync(UserRef reader, ReadChannel via, bool opened);

    /// <summary>The case's read audit, newest first, after <paramref name="cursor"/>: for admins only.</summary>
    [Alias("ReadAuditAsync")]
    Task<ReadAuditPage> ReadAuditAsync(UserRef reader, string? cursor, int limit);

    /// <summary>
    /// Posts a message on the case's thread: stored (and published) with the case's next message number before the
    /// answer; the same author's clientMessageId again answers the message stored the first time.
    /// </summary>
    [Alias("PostMessageAsync")]
    Task<MessageResult> PostMessageAsync(PostMessageCommand command);

    /// <summary>The thread after message <paramref name="after"/>, at most <paramref name="limit"/>; null when <paramref name="reader"/> may not read the case.</summary>
    [Alias("ReadMessagesAsync")]
    Task<MessagePage?> ReadMessagesAsync(UserRef reader, int after, int limit);

    /// <summary><paramref name="reader"/> has read the thread up to message <paramref name="upTo"/> (never moves back).</summary>
    [Alias("MarkReadAsync")]
    Task<MessageResult> MarkReadAsync(UserRef reader, int upTo);
}
