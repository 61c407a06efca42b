using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams.Filtering;
using OrleansCases.Abstractions;

namespace OrleansCases.Web.Tests.Support;

/// <summary>
/// Faults a test injects into a real silo or web instance through Orleans' own extension points, so the product's
/// code runs as it ships: grain call filters that hold chosen calls (before or after the grain ran) until the test
/// releases them, incoming on a silo and outgoing on a web's cluster client, and a stream filter that drops a
/// region's events on their way to subscribers (what a silo that dies with them in its queue does).
/// </summary>
public sealed class InjectedFaults : IIncomingGrainCallFilter, IOutgoingGrainCallFilter, IStreamFilter
{
    private readonly ConcurrentDictionary<HeldCall, byte> _holds = new();
    private readonly ConcurrentDictionary<CallCount, byte> _counts = new();
    private readonly ConcurrentDictionary<string, DroppedEvents> _droppedRegions = new(StringComparer.Ordinal);

    /// <summary>Registers these faults with a silo's services (<see cref="TestSilo.StartAsync"/>'s services).</summary>
    public void AddToSilo(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IIncomingGrainCallFilter>(this);
        services.AddKeyedSingleton<IStreamFilter>(CaseStreams.ProviderName, this);
    }

    /// <summary>Registers these faults with a web instance's cluster client: its calls to grains.</summary>
    public void AddToClient(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IOutgoingGrainCallFilter>(this);
    }

    /// <summary>
    /// Holds the next calls of <paramref name="method"/> on grains of <typeparamref name="TGrain"/> (whose key is
    /// <paramref name="key"/>, when given) until the returned hold is released or disposed; <paramref name="afterRun"/>
    /// lets the grain run first and holds its answer.
    /// </summary>
    public HeldCall Hold<TGrain>(string method, string? key = null, bool afterRun = false)
    {
        var hold = new HeldCall(this, new CallMatch(typeof(TGrain), method, key), afterRun);
        _holds[hold] = 0;
        return hold;
    }

    /// <summary>Counts the calls of <paramref name="method"/> on grains of <typeparamref name="TGrain"/> from now on.</summary>
    public CallCount Count<TGrain>(string method, string? key = null)
    {
        var count = new CallCount(new CallMatch(typeof(TGrain), method, key));
        _counts[count] = 0;
        return count;
    }

    /// <summary>
    /// Drops every event of <paramref name="region"/> before the stream delivers it, until <see cref="Deliver"/>. The
    /// filter runs when the stream delivers, not when the grain publishes: wait for <see cref="DroppedEvents.WaitForAsync"/>
    /// before delivering again, or events still in the queue pass once the region is delivered.
    /// </summary>
    public DroppedEvents Drop(string region) => _droppedRegions[region] = new DroppedEvents();

    public void Deliver(string region) => _droppedRegions.TryRemove(region, out _);

    public bool ShouldDeliver(StreamId streamId, object item, string? filterData)
    {
        if (item is CaseEvent e && _droppedRegions.TryGetValue(e.Region, out var dropped))
        {
            dropped.Add(e.Seq);
            return false;
        }

        return true;
    }

    public Task Invoke(IIncomingGrainCallContext context) => InvokeAsync(context);

    public Task Invoke(IOutgoingGrainCallContext context) => InvokeAsync(context);

    private async Task InvokeAsync(IGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var count in _counts.Keys.Where(c => c.Match.Matches(context)))
        {
            count.Increment();
        }

        var hold = _holds.Keys.FirstOrDefault(h => h.Match.Matches(context));
        if (hold is null)
        {
            await context.Invoke();
            return;
        }

        if (!hold.AfterRun)
        {
            await hold.WaitAsync();
        }

        await context.Invoke();
        if (hold.AfterRun)
        {
            await hold.WaitAsync();
        }
    }

    internal void Forget(HeldCall hold) => _holds.TryRemove(hold, out _);
}

/// <summary>Calls an <see cref="InjectedFaults"/> holds: <see cref="Reached"/> when the first arrives; released together.</summary>
public sealed class HeldCall : IDisposable
{
    private readonly InjectedFaults _faults;
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal HeldCall(InjectedFaults faults, CallMatch match, bool afterRun)
    {
        _faults = faults;
        Match = match;
        AfterRun = afterRun;
    }

    internal CallMatch Match { get; }

    public bool AfterRun { get; }

    /// <summary>Completes when a matching call is being held.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Lets every held call (and later ones) go on, and stops holding.</summary>
    public void Release()
    {
        _faults.Forget(this);
        _released.TrySetResult();
    }

    public void Dispose() => Release();

    internal Task WaitAsync()
    {
        _reached.TrySetResult();
        return _released.Task;
    }
}

/// <summary>How many calls an <see cref="InjectedFaults"/> saw that match, since the count was asked for.</summary>
public sealed class CallCount
{
    private int _value;

    internal CallCount(CallMatch match) => Match = match;

    public int Value => Volatile.Read(ref _value);

    internal CallMatch Match { get; }

    internal void Increment() => Interlocked.Increment(ref _value);
}

/// <summary>Calls of a method of a grain interface, on one grain (by key) or any.</summary>
internal sealed record CallMatch(Type Grain, string Method, string? Key)
{
    public bool Matches(IGrainCallContext context) =>
        context.InterfaceMethod?.Name == Method
        && context.InterfaceMethod.DeclaringType is { } declaring && Grain.IsAssignableFrom(declaring)
        && (Key is null || context.TargetId.Key.ToString() == Key);
}

/// <summary>The events of a region an <see cref="InjectedFaults"/> dropped since <see cref="InjectedFaults.Drop"/>.</summary>
public sealed class DroppedEvents
{
    private readonly HashSet<long> _seqs = [];
    private readonly Lock _lock = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    /// <summary>Completes once <paramref name="count"/> different events have been dropped.</summary>
    public Task WaitForAsync(int count, TimeSpan timeout)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_seqs.Count >= count)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((count, reached));
        }

        return reached.Task.WaitAsync(timeout);
    }

    internal void Add(long seq)
    {
        lock (_lock)
        {
            _seqs.Add(seq);
            foreach (var waiter in _waiters.Where(w => _seqs.Count >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Reached.TrySetResult();
            }
        }
    }
}
