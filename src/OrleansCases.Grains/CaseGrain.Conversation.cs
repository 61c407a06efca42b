using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Conversation;
using OrleansCases.Abstractions.Lifecycle;
using OrleansCases.Abstractions.Presence;
using OrleansCases.Grains.Conversation;

namespace OrleansCases.Grains;

/// <summary>
/// A case's conversation (docs/design.md section 9). A message is a change of the case like a transition, handed to
/// the region log and stored in its batch, but it keeps the version and takes the case's next message number; so it
/// is stored before it is answered, in order with the case's transitions, and published on the region's stream. Only
/// read receipts are written by the grain itself: one row per reader, and the reader's own marks (for unread counts).
/// </summary>
public sealed partial class CaseGrain
{
    public async Task<MessageResult> PostMessageAsync(PostMessageCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (ConversationRules.Check(command) is { } problem)
        {
            return MessageResult.Invalid(problem.Field, problem.Error);
        }

        return await DecideAsync(async () =>
        {
            if (_case is null || !CaseLifecycle.CanRead(_case, command.Author))
            {
                return MessageResult.NotFound;
            }

            var thread = await ThreadAsync(_case);
            if (thread.Posted(command.Author.Id, command.ClientMessageId) is { } posted)
            {
                return new MessageResult(MessageOutcome.Ok, posted, Replayed: true);
            }

            if (thread.Count >= ConversationRules.MaxMessages)
            {
                return new MessageResult(MessageOutcome.ThreadFull);
            }

            var author = command.Author;
            var message = new CaseMessage(_case.Id, _case.MessageCount + 1, author.Id, author.Name, author.Role, command.Text, clock.GetUtcNow(), command.ClientMessageId);
            var change = CaseChange.Posted(_case, _history[^1], message);
            await AppendAsync(change);
            _case = change.Case;
            thread.Add(message);
            metrics.MessageStored(_case.Region, author.Role);
            return new MessageResult(MessageOutcome.Ok, message);
        });
    }

    public async Task<MessagePage?> ReadMessagesAsync(UserRef reader, int after, int limit)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await LoadAsync();
        return _case is not null && CaseLifecycle.CanRead(_case, reader) ? (await ThreadAsync(_case)).Page(after, limit) : null;
    }

    public async Task<MessageResult> MarkReadAsync(UserRef reader, int upTo)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await LoadAsync();
        if (_case is null || !CaseLifecycle.CanRead(_case, reader))
        {
            return MessageResult.NotFound;
        }

        if (upTo < 1 || upTo > _case.MessageCount)
        {
            return MessageResult.Invalid("upTo", _case.MessageCount == 0
                ? "cannot be read: the thread has no messages yet."
                : $"must be a message number of the thread, 1 to {_case.MessageCount}.");
        }

        var thread = await ThreadAsync(_case);
        if (upTo <= thread.ReadUpTo(reader.Id))
        {
            // Read that far already: a receipt never moves back, and saying it again changes nothing.
            return new MessageResult(MessageOutcome.Ok, Replayed: true);
        }

        var read = new MessageReader(reader.Id, reader.Name, reader.Role, upTo, clock.GetUtcNow());
        try
        {
            await table.WriteReaderAsync(_case.Region, _case.Id, read);
        }
        catch (Exception ex)
        {
            throw new CaseUnavailableException("The read receipt could not be stored; try again.", ex);
        }

        thread.Read(read);
        await GrainFactory.GetGrain<IReadMarksGrain>(reader.Id).MarkAsync(_case.Id, upTo);
        metrics.MessagesRead(_case.Region);
        await GrainFactory.GetGrain<IPresenceGrain>(_case.Region).MessagesReadAsync(new CaseMessagesRead(_case.Id, reader.Id, upTo));
        return new MessageResult(MessageOutcome.Ok);
    }

    /// <summary>The case's thread, read from its region the first time it is needed.</summary>
    private async Task<CaseThread> ThreadAsync(CaseRecord @case)
    {
        if (_thread is not null)
        {
            return _thread;
        }

        try
        {
            var (messages, readers) = await table.ReadThreadAsync(@case.Region, @case.Id);
            return _thread = new CaseThread(messages, readers, @case.MessageCount);
        }
        catch (Exception ex)
        {
            throw new CaseUnavailableException("The case's conversation could not be read; try again.", ex);
        }
    }
}
