using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Conversation;

namespace OrleansCases.Web.Conversation;

/// <summary>A message of a case's conversation as the API shows it (docs/design.md section 9).</summary>
public sealed record MessageResponse(
    string Id,
    string CaseId,
    int Number,
    string AuthorId,
    string AuthorName,
    UserRole AuthorRole,
    string Text,
    DateTimeOffset At,
    string ClientMessageId)
{
    public static MessageResponse From(CaseMessage m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.Id, m.CaseId, m.Number, m.AuthorId, m.AuthorName, m.AuthorRole, m.Text, m.At, m.ClientMessageId);
    }
}
