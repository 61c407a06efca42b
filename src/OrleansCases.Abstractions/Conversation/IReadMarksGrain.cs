namespace OrleansCases.Abstractions.Conversation;

/// <summary>
/// How far one user (the key) has read each case's thread: what lists need to show unread counts, one grain call per
/// page whatever its length. The case grains keep it (they own the receipts, and store each reader's row too).
/// </summary>
[Alias("OrleansCases.IReadMarksGrain")]
public interface IReadMarksGrain : IGrainWithStringKey
{
    /// <summary>The user has read <paramref name="caseId"/>'s thread up to <paramref name="upTo"/> (a mark never moves back).</summary>
    [Alias("MarkAsync")]
    Task MarkAsync(string caseId, int upTo);

    /// <summary>Each of <paramref name="caseIds"/> read so far, with the number read up to; a case never read is absent.</summary>
    [Alias("ReadUpToAsync")]
    Task<IReadOnlyDictionary<string, int>> ReadUpToAsync(IReadOnlyList<string> caseIds);
}
