namespace OrleansCases.Web.Conversation;

/// <summary>POST /api/cases/{id}/messages. clientMessageId is required: a message sent twice is posted once.</summary>
public sealed record PostMessageRequest(string? Text, string? ClientMessageId)
{
    /// <summary>For the API's description.</summary>
    public static PostMessageRequest Example { get; } = new("Is she drinking fluids? Please check her temperature again tonight.", "7c1e4b9a2d6f4a0e8b3c5d1f9a2e6b70");
}

/// <summary>POST /api/cases/{id}/messages/read: the caller has read the thread up to message number upTo.</summary>
public sealed record MarkReadRequest(int? UpTo)
{
    public static MarkReadRequest Example { get; } = new(3);
}
