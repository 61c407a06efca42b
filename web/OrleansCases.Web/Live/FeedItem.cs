using System.Text.Json.Serialization;
using OrleansCases.Abstractions;
using OrleansCases.Web.Conversation;

namespace OrleansCases.Web.Live;

/// <summary>
/// An item of /api/feed (docs/design.md section 9): a status change or a message, told apart by <c>kind</c>, each shaped
/// as the hub sends it (caseStatusUpdate, caseMessage).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CaseStatusUpdate), "status")]
[JsonDerivedType(typeof(CaseMessageUpdate), "message")]
public abstract record FeedItem
{
    /// <summary>The item an event is on the wire, with the cursor right after it.</summary>
    public static FeedItem Of(CaseEvent e, string cursor)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Message is null ? CaseStatusUpdate.From(e, cursor) : CaseMessageUpdate.From(e, cursor);
    }
}
