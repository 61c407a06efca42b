using OrleansCases.Abstractions;

namespace OrleansCases.Grains;

/// <summary>
/// The region log's group commit. Changes that arrive while a batch is being written wait, and the next round takes
/// them together; rounds run one after another until none wait. Every change ends answered: stored (its seq), already
/// stored, refused as stale, or failed with its round. The same change sent again while it waits shares the first
/// one's answer; another command's change of the same case and version is refused at once, having lost the race.
/// Runs on its grain's turns, so it needs no locks.
/// </summary>
internal sealed class GroupCommit(Func<GroupCommit.Round, Task> write, Func<int, Exception, Exception> failed)
{
    private readonly Dictionary<(string CaseId, int Version, int Messages), PendingChange> _pending = [];
    private readonly List<PendingChange> _waiting = [];
    private bool _writing;

    public Task<CaseAppended> AddAsync(CaseChange change, string? traceParent)
    {
        var pending = new PendingChange(change, traceParent);
        if (_pending.TryGetValue(pending.Key, out var first))
        {
            return first.Change.IsBy(change.By, change.CommandId) ? first.Completion.Task : Task.FromResult(CaseAppended.Refused);
        }

        _pending[pending.Key] = pending;
        _waiting.Add(pending);
        if (!_writing)
        {
            _writing = true;
            _ = WriteWhileWaitingAsync();
        }

        return pending.Completion.Task;
    }

    private async Task WriteWhileWaitingAsync()
    {
        try
        {
            while (_waiting.Count > 0)
            {
                var round = new Round(this);
                try
                {
                    await write(round);
                }
                catch (Exception ex)
                {
                    // Taken but not answered: the round's batch may or may not be stored; their callers retry.
                    var error = failed(round.Taken.Count, ex);
                    foreach (var p in round.Taken.ToArray())
                    {
                        Complete(p);
                        p.Completion.TrySetException(error);
                    }
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }

    private void Complete(PendingChange p) => _pending.Remove(p.Key);

    /// <summary>One batch's worth: the writer takes waiting changes and answers each one it took.</summary>
    public sealed class Round(GroupCommit commit)
    {
        private readonly List<PendingChange> _taken = [];

        /// <summary>The changes waiting now, oldest first (the writer asks once it knows where the region stands).</summary>
        public IReadOnlyList<PendingChange> Waiting() => [.. commit._waiting];

        /// <summary>Taken and not yet answered: they fail with the round if it throws.</summary>
        public IReadOnlyList<PendingChange> Taken => _taken;

        public void Take(PendingChange p)
        {
            commit._waiting.Remove(p);
            _taken.Add(p);
        }

        public void Answer(PendingChange p, CaseAppended appended)
        {
            _taken.Remove(p);
            commit.Complete(p);
            p.Completion.TrySetResult(appended);
        }
    }
}
