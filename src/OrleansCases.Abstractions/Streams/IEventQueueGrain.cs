namespace OrleansCases.Abstractions.Streams;

/// <summary>
/// One in-memory queue behind the case-events stream provider (see OrleansCases.Hosting.Streams). Producers enqueue;
/// the queue's pulling agent dequeues with a long poll: the call waits until something arrives or
/// <c>wait</c> passes, so events go out as soon as they are queued while an idle queue costs one call per wait.
/// Keyed "{provider}/{queue}".
/// </summary>
[Alias("OrleansCases.IEventQueueGrain")]
public interface IEventQueueGrain : IGrainWithStringKey
{
    /// <summary>Queues an item; fails when the queue is full (nobody has dequeued for a long time).</summary>
    [Alias("Enqueue")]
    Task EnqueueAsync(EventQueueItem item);

    /// <summary>Up to <paramref name="maxCount"/> items, oldest first; waits up to <paramref name="wait"/> while there are none.</summary>
    [Alias("Dequeue")]
    Task<IReadOnlyList<EventQueueItem>> DequeueAsync(int maxCount, TimeSpan wait, CancellationToken cancellationToken);
}
