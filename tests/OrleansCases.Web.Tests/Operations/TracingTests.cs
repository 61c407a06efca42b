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
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name is "OrleansCases" or "OrleansCases.Tests" or "Microsoft.AspNetCore" or "Microsoft.Orleans.Runtime",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    [Fact]
    public async Task A_commands_trace_reaches_from_the_http_request_through_the_grain_to_the_signalr_send()
    {
        _listener.ActivityStopped = _stopped.Enqueue;
        ActivitySource.AddActivityListener(_listener);
        await using var chw = await LiveClient.ConnectAsync(fixture.A, "chw.north");
        using var asha = new ApiClient(fixture.A, "asha.north");
        var id = ApiClient.Id(await asha.CreateAsync());
        await chw.WaitForAsync(id, 1);

        ActivityTraceId trace;
        using (var command = _test.StartActivity("forward a case"))
        {
            trace = command!.TraceId;
            await asha.DoAsync(id, "forward");
        }

        await chw.WaitForAsync(id, 2);
        var inTrace = await WaitForAsync(trace, a => a.Source.Name == "OrleansCases" && a.DisplayName == "caseStatusUpdate send");

        Assert.Contains(inTrace, a => a.Source.Name == "Microsoft.AspNetCore");
        Assert.Contains(inTrace, a => a.Source.Name == "Microsoft.Orleans.Runtime" && a.DisplayName.Contains("ICaseGrain/ActAsync", StringComparison.Ordinal));
        Assert.Contains(inTrace, a => a.Source.Name == "Microsoft.Orleans.Runtime" && a.DisplayName.Contains("IRegionLogGrain/AppendAsync", StringComparison.Ordinal));
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>The activities of <paramref name="trace"/> once one matches <paramref name="last"/> (they stop out of order).</summary>
    private async Task<List<Activity>> WaitForAsync(ActivityTraceId trace, Func<Activity, bool> last)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var found = _stopped.Where(a => a.TraceId == trace).ToList();
            if (found.Any(last))
            {
                return found;
            }

            await Task.Delay(50);
        }

        var names = string.Join(", ", _stopped.Where(a => a.TraceId == trace).Select(a => $"{a.Source.Name}:{a.DisplayName}"));
        throw new Xunit.Sdk.XunitException($"No bridge send in trace {trace} within 10 s; the trace has: {names}");
    }
}
