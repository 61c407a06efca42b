using OrleansCases.Abstractions.Conversation;

namespace OrleansCases.Grains.Conversation;

/// <summary>
/// A case's conversation as its grain holds it in memory: the messages in number order, who posted which
/// clientMessageId (so a replay finds its message without a read), and how far each reader has read.
/// </summary>
internal sealed class CaseThread
{
    private readonly List<CaseMessage> _messages = [];
    private readonly Dictionary<(string AuthorId, string ClientMessageId), CaseMessage> _byClientId = [];
    private readonly Dictionary<string, MessageReader> _readers = new(StringComparer.Ordinal);

    /// <summary>The thread as stored, up to <paramref name="count"/>, the case's message count when it was loaded.</summary>
    public CaseThread(IEnumerable<CaseMessage> messages, IEnumerable<MessageReader> readers, int count)
    {
        foreach (var message in messages.Where(m => m.Number <= count).OrderBy(m => m.Number))
        {
            Add(message);
        }

        foreach (var reader in readers)
        {
            _readers[reader.UserId] = reader;
        }
    }

    public int Count => _messages.Count;

    public CaseMessage? Posted(string authorId, string clientMessageId) =>
        _byClientId.GetValueOrDefault((authorId, clientMessageId));

    public void Add(CaseMessage message)
    {
        _messages.Add(message);
        _byClientId[(message.AuthorId, message.ClientMessageId)] = message;
    }

    public MessagePage Page(int after, int limit) =>
        new([.. _messages.Skip(Math.Clamp(after, 0, _messages.Count)).Take(limit)], _messages.Count, [.. _readers.Values.OrderBy(r => r.At)]);

    public int ReadUpTo(string userId) => _readers.TryGetValue(userId, out var reader) ? reader.UpTo : 0;

    public void Read(MessageReader reader) => _readers[reader.UserId] = reader;
}
