namespace OrleansCases.Abstractions.Conversation;

/// <summary>The limits of a case's conversation (docs/design.md section 9), checked before anything is stored.</summary>
public static class ConversationRules
{
    public const int MaxTextLength = 2_000;

    /// <summary>
    /// The most messages one case's thread holds: the case grain keeps its thread in memory (for replays and pages),
    /// so a thread is bounded like a case's history is.
    /// </summary>
    public const int MaxMessages = 1_000;

    /// <summary>The first problem with <paramref name="command"/>'s input, or null.</summary>
    public static (string Field, string Error)? Check(PostMessageCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command.Text))
        {
            return ("text", $"is required: 1 to {MaxTextLength} characters.");
        }

        if (command.Text.Length > MaxTextLength)
        {
            return ("text", $"is {command.Text.Length} characters; at most {MaxTextLength}.");
        }

        if (!CaseInputRules.IsClientKey(command.ClientMessageId))
        {
            return ("clientMessageId", $"must be 1 to {CaseInputRules.CommandIdMaxLength} printable ASCII characters without spaces, the same when the message is sent again.");
        }

        return null;
    }
}
