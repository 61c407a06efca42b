using Orleans.Concurrency;
using Orleans.Placement;
using OrleansCases.Abstractions.Streams;

namespace OrleansCases.Grains.Streams;

/// <summary>
/// An in-memory event queue (<see cref="IEventQueueGrain"/>). Reentrant, so an enqueue completes a waiting dequeue;
/// placed on the silo of its first caller, which is usually its pulling agent, so the long poll stays local.
/// Events in it are not durable: a silo that dies loses what it held, and the bridge fills such gaps from the feed.
/// </summary>
[Reentrant, PreferLocalPlacement]
public sealed class EventQueueGrain : Grain, IEventQueueGrain
{
    /// <summary>Beyond this the queue refuses items: nobody is reading it, and memory must not grow without end.</summary>
    public const int MaxLength = 16_384;

    private readonly Queue<EventQueueItem> _items = new();
    private TaskCompletionSource? _arrived;

    public Task EnqueueAsync(EventQueueItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_items.Count >= MaxLength)
        {
            throw new InvalidOperationException($"Event queue {this.GetPrimaryKeyString()} is full ({MaxLength} items).");
        }

        _items.Enqueue(item);
        _arrived?.TrySetResult();
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<EventQueueItem>> DequeueAsync(int maxCount, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        if (_items.Count == 0 && wait > TimeSpan.Zero)
        {
            // One reader at a time: a newer poll (an agent that moved here, say) takes over from an older one.
            _arrived?.TrySetResult();
            var arrived = _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            try
            {
                await arrived.Task.WaitAsync(wait, cancellationToken);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException)
            {
                return [];
            }
            finally
            {
                if (_arrived == arrived)
                {
                    _arrived = null;
                }
            }
        }

        var taken = new List<EventQueueItem>(Math.Min(maxCount, _items.Count));
        while (taken.Count < maxCount && _items.TryDequeue(out var item))
        {
            taken.Add(item);
        }

        return taken;
    }
}
