using System.Collections.Concurrent;
using System.Diagnostics;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Operations;

/// <summary>One trace follows a command from the HTTP request through the grain calls to the bridge's SignalR send.</summary>
[Trait("Category", "Web")]
public sealed class TracingTests(WebFixture fixture) : IClassFixture<WebFixture>, IDisposable
{
    private static readonly ActivitySource _test = new("OrleansCases.Tests");
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly TaskCompletionSource _sendStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ActivityTraceId? _awaitedTrace;
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name is "OrleansCases" or "OrleansCases.Tests" or "Microsoft.AspNetCore" or "Microsoft.Orleans.Runtime",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    [Fact]
    public async Task A_commands_trace_reaches_from_the_http_request_through_the_grain_to_the_signalr_send()
    {
        _listener.ActivityStopped = Stopped;
        ActivitySource.AddActivityListener(_listener);
        await using var chw = await LiveClient.ConnectAsync(fixture.A, "chw.north");
        using var asha = new ApiClient(fixture.A, "asha.north");
        var id = ApiClient.Id(await asha.CreateAsync());
        await chw.WaitForAsync(id, 1);

        ActivityTraceId trace;
        using (var command = _test.StartActivity("forward a case"))
        {
            trace = command!.TraceId;
            _awaitedTrace = trace;
            await asha.DoAsync(id, "forward");
        }

        await chw.WaitForAsync(id, 2);
        try
        {
            await _sendStopped.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No bridge send in trace {trace} within 10 s; the trace has: {NamesIn(trace)}");
        }
        var inTrace = _stopped.Where(a => a.TraceId == trace).ToList();

        Assert.Contains(inTrace, a => a.Source.Name == "Microsoft.AspNetCore");
        Assert.Contains(inTrace, a => a.Source.Name == "Microsoft.Orleans.Runtime" && a.DisplayName.Contains("ICaseGrain/ActAsync", StringComparison.Ordinal));
        Assert.Contains(inTrace, a => a.Source.Name == "Microsoft.Orleans.Runtime" && a.DisplayName.Contains("IRegionLogGrain/AppendAsync", StringComparison.Ordinal));
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>Keeps every stopped activity; the bridge's send in the awaited trace ends the wait.</summary>
    private void Stopped(Activity activity)
    {
        _stopped.Enqueue(activity);
        if (activity.TraceId == _awaitedTrace && activity.Source.Name == "OrleansCases" && activity.DisplayName == "caseStatusUpdate send")
        {
            _sendStopped.TrySetResult();
        }
    }

    private string NamesIn(ActivityTraceId trace) =>
        string.Join(", ", _stopped.Where(a => a.TraceId == trace).Select(a => $"{a.Source.Name}:{a.DisplayName}"));
}
