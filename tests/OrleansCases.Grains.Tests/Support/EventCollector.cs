using System.Threading.Channels;
using Orleans.Streams;
using OrleansCases.Abstractions;
using Xunit;

namespace OrleansCases.Grains.Tests.Support;

/// <summary>A client-side subscriber to one region's stream that lets a test await events with a timeout.</summary>
public sealed class EventCollector : IAsyncDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(10);
    private readonly Channel<CaseEvent> _events = Channel.CreateUnbounded<CaseEvent>();
    private readonly List<CaseEvent> _seen = [];
    private StreamSubscriptionHandle<CaseEvent>? _handle;

    public static async Task<EventCollector> SubscribeAsync(IClusterClient client, string region)
    {
        var collector = new EventCollector();
        var stream = client.GetStreamProvider(CaseStreams.ProviderName).GetStream<CaseEvent>(CaseStreams.ForRegion(region));
        collector._handle = await stream.SubscribeAsync((e, _) => collector._events.Writer.WriteAsync(e).AsTask());
        return collector;
    }

    /// <summary>The next <paramref name="count"/> events, failing the test if they do not come in time.</summary>
    public async Task<IReadOnlyList<CaseEvent>> TakeAsync(int count)
    {
        using var timeout = new CancellationTokenSource(_timeout);
        var taken = new List<CaseEvent>(count);
        try
        {
            while (taken.Count < count)
            {
                taken.Add(await _events.Reader.ReadAsync(timeout.Token));
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Received {taken.Count} of {count} events within {_timeout}.");
        }

        return taken;
    }

    /// <summary>
    /// Every event received so far, once <paramref name="done"/> holds of them; fails the test if it does not within
    /// <paramref name="timeout"/>. Not to be mixed with <see cref="TakeAsync"/> on one collector.
    /// </summary>
    public async Task<IReadOnlyList<CaseEvent>> WaitUntilAsync(Func<IReadOnlyList<CaseEvent>, bool> done, TimeSpan timeout, string what)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (!done(_seen))
            {
                _seen.Add(await _events.Reader.ReadAsync(cancel.Token));
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Not within {timeout.TotalSeconds} s: {what} ({_seen.Count} events received).");
        }

        return _seen;
    }

    public async ValueTask DisposeAsync()
    {
        if (_handle is not null)
        {
            await _handle.UnsubscribeAsync();
        }
    }
}
