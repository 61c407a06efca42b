using Orleans.Providers.Streams.Common;
using Orleans.Streams;
using OrleansCases.Abstractions.Streams;

namespace OrleansCases.Hosting.Streams;

/// <summary>
/// Reads one event queue for its pulling agent with a long poll (<see cref="IEventQueueGrain.DequeueAsync"/>), and
/// numbers what it reads in order, which is the order the agent's cache keeps and delivers.
/// </summary>
public sealed class EventQueueReceiver(IEventQueueGrain queue, TimeSpan wait) : IQueueAdapterReceiver
{
    /// <summary>What one read asks for when the agent sets no limit.</summary>
    private const int DefaultMaxCount = 256;

    private long _sequence;

    public Task Initialize(TimeSpan timeout) => Task.CompletedTask;

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        var items = await queue.DequeueAsync(maxCount > 0 ? maxCount : DefaultMaxCount, wait, cancellationToken);
        var batches = new List<IBatchContainer>(items.Count);
        foreach (var item in items)
        {
            batches.Add(new EventQueueBatch(item, new EventSequenceTokenV2(++_sequence)));
        }

        return batches;
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => Task.CompletedTask;

    public Task Shutdown(TimeSpan timeout) => Task.CompletedTask;
}
