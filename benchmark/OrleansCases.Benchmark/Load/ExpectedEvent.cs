namespace OrleansCases.Benchmark.Load;

/// <summary>
/// An event the load expects, with what decides its audience. The rules are docs/design.md section 3's, written here
/// again on purpose: the benchmark checks both systems against the contract, not against either one's code.
/// </summary>
public sealed record ExpectedEvent(
    int CaseKey, int Version, string Region, string OwnerId, string? AssigneeId, string? PreviousAssigneeId,
    string Status, string? PreviousStatus)
{
    /// <summary>The ledger's key of an event: its case and version.</summary>
    public long Key => KeyOf(CaseKey, Version);

    public static long KeyOf(int caseKey, int version) => ((long)caseKey << 20) | (uint)version;

    /// <summary>
    /// The ledger's version of a case's message <paramref name="number"/>: above every version a case can reach, so a
    /// case's messages and transitions never share a key.
    /// </summary>
    public static int MessageVersion(int number) => (1 << 19) | number;

    /// <summary>
    /// A message of a case's conversation: docs/design.md section 9's audience (owner, assignee, the region's CHWs,
    /// admins; never the region's clinicians as such).
    /// </summary>
    public static ExpectedEvent Message(int caseKey, int number, string region, string ownerId, string assigneeId) =>
        new(caseKey, MessageVersion(number), region, ownerId, assigneeId, null, MessageStatus, null);

    private const string MessageStatus = "message";

    /// <summary>Whether <paramref name="user"/> is entitled to this event (when the system does not broadcast).</summary>
    public bool Reaches(BenchUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsAdmin
            || user.Id == OwnerId || user.Id == AssigneeId || user.Id == PreviousAssigneeId
            || (user.Region == Region && (user.Role == "chw"
                || (user.Role == "clinician" && (Status == "ForwardedToClinician" || PreviousStatus == "ForwardedToClinician"))));
    }
}
