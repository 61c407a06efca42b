namespace OrleansCases.Grains.ReadModel;

/// <summary>
/// What a region batch may prune: the feed rows after <see cref="Floor"/>, up to <see cref="OldUpTo"/> (every one of
/// them older than the minimum age), that end up more than <see cref="MinEvents"/> behind the head the batch writes.
/// </summary>
public readonly record struct FeedPruning(long Floor, long OldUpTo, int MinEvents)
{
    /// <summary>Prunes nothing: for a log that keeps every event.</summary>
    public static FeedPruning None => new(0, 0, int.MaxValue);

    /// <summary>
    /// How many rows a batch of <paramref name="changes"/> changes that ends at <paramref name="head"/> deletes:
    /// none without a change (pruning never costs a request of its own), and at most one per change plus one, so a
    /// busy region keeps pace (each change adds one row) and works off a backlog, while a batch stays small.
    /// </summary>
    public int Count(long head, int changes)
    {
        if (changes == 0)
        {
            return 0;
        }

        var upTo = Math.Min(OldUpTo, head - MinEvents - 1);
        return (int)Math.Clamp(upTo - Floor, 0, changes + 1);
    }
}
