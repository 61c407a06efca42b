using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;
using OrleansCases.Abstractions.Streams;

namespace OrleansCases.Hosting.Streams;

/// <summary>
/// The in-memory stream provider of OrleansCases: Orleans persistent streams (pulling agents, cache, pub-sub,
/// delivery to subscribers on clients) over <see cref="IEventQueueGrain"/> queues read by long poll. Orleans' own
/// memory streams poll each queue every <c>GetQueueMsgsTimerPeriod</c> (100 ms): that period is both the latency
/// added to every event and, at 8 queues, 80 grain calls a second on an idle cluster. A long poll removes both.
/// </summary>
public sealed class EventQueueAdapterFactory : IQueueAdapterFactory, IQueueAdapter
{
    private readonly IGrainFactory _grains;
    private readonly EventQueueOptions _options;
    private readonly HashRingBasedStreamQueueMapper _mapper;
    private readonly SimpleQueueAdapterCache _cache;
    private readonly NoOpStreamDeliveryFailureHandler _failures = new();

    public EventQueueAdapterFactory(string name, EventQueueOptions options, IGrainFactory grains, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _options = options;
        _grains = grains;
        _mapper = new HashRingBasedStreamQueueMapper(new HashRingStreamQueueMapperOptions { TotalQueueCount = options.Queues }, name);
        _cache = new SimpleQueueAdapterCache(new SimpleQueueCacheOptions { CacheSize = options.CacheSize }, name, loggers);
    }

    public string Name { get; }

    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    /// <summary>The factory Orleans calls with the provider's name, for queues laid out as <paramref name="options"/> says.</summary>
    public static Func<IServiceProvider, string, IQueueAdapterFactory> Create(EventQueueOptions options) =>
        (services, name) => new EventQueueAdapterFactory(
            name, options, services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<ILoggerFactory>());

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IQueueAdapter> CreateAdapter() => Task.FromResult<IQueueAdapter>(this);

    public IQueueAdapterCache GetQueueAdapterCache() => _cache;

    public IStreamQueueMapper GetStreamQueueMapper() => _mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) => Task.FromResult<IStreamFailureHandler>(_failures);

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => new EventQueueReceiver(QueueOf(queueId), _options.Wait);

    public Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        if (token is not null)
        {
            throw new ArgumentException("The in-memory event queues do not accept sequence tokens from producers.", nameof(token));
        }

        var item = new EventQueueItem(streamId, [.. events.Cast<object>()], requestContext);
        return QueueOf(_mapper.GetQueueForStream(streamId)).EnqueueAsync(item);
    }

    private IEventQueueGrain QueueOf(QueueId queueId) => _grains.GetGrain<IEventQueueGrain>($"{Name}/{queueId}");
}
