using MessagePack;
using OrleansCases.Abstractions;
using OrleansCases.Web.Http;
using OrleansCases.Web.Live;

namespace OrleansCases.Web.Conversation;

/// <summary>
/// caseMessage (docs/design.md section 9): a message as the conversation's audience receives it live, and as a feed
/// item of kind message: the message, with the region's seq and the cursor that resumes /api/feed right after it.
/// </summary>
[MessagePackObject]
public sealed record CaseMessageUpdate(
    [property: Key("id")] string Id,
    [property: Key("caseId")] string CaseId,
    [property: Key("number")] int Number,
    [property: Key("authorId")] string AuthorId,
    [property: Key("authorName")] string AuthorName,
    [property: Key("authorRole")] string AuthorRole,
    [property: Key("text")] string Text,
    [property: Key("at")] string At,
    [property: Key("clientMessageId")] string ClientMessageId,
    [property: Key("region")] string Region,
    [property: Key("seq")] long Seq,
    [property: Key("cursor")] string Cursor) : FeedItem
{
    public static CaseMessageUpdate From(CaseEvent e, string cursor)
    {
        ArgumentNullException.ThrowIfNull(e);
        var m = e.Message ?? throw new ArgumentException("Not a message's event.", nameof(e));
        return new(m.Id, m.CaseId, m.Number, m.AuthorId, m.AuthorName, WireName.Of(m.AuthorRole), m.Text, WireTime.Of(m.At), m.ClientMessageId, e.Region, e.Seq, cursor);
    }
}
