using OrleansCases.Web.Conversation;
using OrleansCases.Web.Reads;
using OrleansCases.Web.Presence;

namespace OrleansCases.Web.Live;

/// <summary>
/// What the server calls on a connected portal (docs/design.md section 5). The methods are named exactly as the design
/// spells them on the wire, camelCase: a strongly typed hub sends the interface's method names as they are, and the
/// .NET SignalR client matches handler names case-sensitively.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "Wire names of docs/design.md section 5.")]
public interface ICaseClient
{
    /// <summary>A case the connection is entitled to changed.</summary>
    Task caseStatusUpdate(CaseStatusUpdate update);

    /// <summary>The bridge may have missed events: catch up through /api/feed from the last cursor, or reload on 410.</summary>
    Task resync(string reason);

    /// <summary>A CHW or clinician of the connection's region came online or went offline (to admins: of any region).</summary>
    Task presenceChanged(PresenceChange change);

    /// <summary>Who has a case the connection watches open changed.</summary>
    Task caseViewers(CaseViewersUpdate update);

    /// <summary>Someone else is typing on a case the connection watches.</summary>
    Task caseTyping(CaseTypingUpdate update);

    /// <summary>A message of a case's conversation the connection is in the audience of.</summary>
    Task caseMessage(CaseMessageUpdate message);

    /// <summary>Someone read further in the thread of a case the connection watches.</summary>
    Task caseMessagesRead(CaseMessagesReadUpdate read);

    /// <summary>A clinician opened the owner's case for the first time (docs/design.md section 10); to user:{owner}.</summary>
    Task caseSeen(CaseSeenUpdate seen);
}
