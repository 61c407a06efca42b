using OrleansCases.Abstractions.Conversation;

namespace OrleansCases.Web.Conversation;

/// <summary>
/// A page of a case's thread, oldest first; <see cref="NextCursor"/> (the last number on the page) reads on, null at
/// the end. <see cref="Readers"/> tells how far each reader has read, for "seen by".
/// </summary>
public sealed record MessagePageResponse(IReadOnlyList<MessageResponse> Items, string? NextCursor, int MessageCount, IReadOnlyList<MessageReaderResponse> Readers)
{
    public static MessagePageResponse From(MessagePage page, int after)
    {
        ArgumentNullException.ThrowIfNull(page);
        var last = page.Items.Count > 0 ? page.Items[^1].Number : after;
        return new(
            [.. page.Items.Select(MessageResponse.From)],
            last < page.Count ? last.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            page.Count,
            [.. page.Readers.Select(r => new MessageReaderResponse(r.UserId, r.Name, r.Role, r.UpTo, r.At))]);
    }
}

/// <summary>A user who has read a thread up to message <see cref="UpTo"/>, and when.</summary>
public sealed record MessageReaderResponse(string UserId, string Name, Abstractions.UserRole Role, int UpTo, DateTimeOffset At);
