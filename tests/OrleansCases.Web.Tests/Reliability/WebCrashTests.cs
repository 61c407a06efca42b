using System.Diagnostics;
using System.Net;
using OrleansCases.Testing;
using OrleansCases.Web.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace OrleansCases.Web.Tests.Reliability;

/// <summary>A silo and two web instances as real processes of their own, so that one can be SIGKILLed; memory streams.</summary>
public class TwoWebProcessesFixture : IAsyncLifetime
{
    private readonly string _serviceId = UniqueName.For("webcrash");
    private TestSilo? _silo;

    public WebProcess A { get; private set; } = null!;

    public WebProcess B { get; private set; } = null!;

    /// <summary>What carries the case-events streams (Cluster:Streams).</summary>
    protected virtual string Streams => "Memory";

    public async Task InitializeAsync()
    {
        _silo = await TestSilo.StartAsync(_serviceId, new Dictionary<string, string?> { ["Cluster:Streams"] = Streams });
        var settings = new Dictionary<string, string> { ["Cluster:Streams"] = Streams };
        A = await WebProcess.StartAsync(_serviceId, _silo.GatewayPort, settings: settings);
        B = await WebProcess.StartAsync(_serviceId, _silo.GatewayPort, settings: settings);
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await _silo!.DisposeAsync();
    }
}

/// <summary>The same with Azure Queue streams.</summary>
public sealed class TwoWebProcessesOnQueuesFixture : TwoWebProcessesFixture
{
    protected override string Streams => "AzureQueue";
}

[Trait("Category", "Web")]
public sealed class WebCrashTests(TwoWebProcessesFixture fixture, ITestOutputHelper output)
    : WebCrashTestsBase(fixture, output), IClassFixture<TwoWebProcessesFixture>;

[Trait("Category", "Web")]
public sealed class WebCrashWithQueueStreamsTests(TwoWebProcessesOnQueuesFixture fixture, ITestOutputHelper output)
    : WebCrashTestsBase(fixture, output), IClassFixture<TwoWebProcessesOnQueuesFixture>;

/// <summary>
/// A web instance SIGKILLed: its clients reconnect to another and converge through the feed from their last cursor,
/// and its stream subscription, left behind in the cluster, holds up neither the commands nor the other instance.
/// </summary>
public abstract class WebCrashTestsBase(TwoWebProcessesFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_killed_web_instances_clients_converge_on_another_and_its_subscription_costs_the_others_nothing()
    {
        var (a, b) = (fixture.A.Address, fixture.B.Address);
        var token = await ApiClient.RequestTokenAsync(b, "chw.north");
        var onA = await LiveClient.ConnectAsync(a, "chw.north", token);
        await using var onB = await LiveClient.ConnectAsync(b, "chw.north", token);
        using var asha = await ApiClient.SignInAsync(b, "asha.north");
        using var chw = await ApiClient.SignInAsync(b, "chw.north");
        var cases = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            cases.Add(ApiClient.Id(await asha.CreateAsync($"P-BEFORE-{i}")));
            await onA.WaitForAsync(cases[^1], 1);
        }

        var lastCursor = onA.Received[^1].GetProperty("cursor").GetString()!;
        await fixture.A.KillAsync();
        await onA.DisposeAsync();

        // The instance is gone: commands and the other instance's deliveries go on as before, none refused.
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 10; i++)
        {
            var clock = Stopwatch.StartNew();
            var id = ApiClient.Id(await asha.CreateAsync($"P-AFTER-{i}"));
            await asha.DoAsync(id, "forward");
            await onB.WaitForAsync(id, 2);
            delays.Add(clock.Elapsed);
            cases.Add(id);
        }

        // Its client comes back on the other instance and catches up from the last cursor it had.
        await using var moved = await LiveClient.ConnectAsync(b, "chw.north", token);
        var versions = onA.Received.Concat(moved.Received).GroupBy(e => e.GetProperty("caseId").GetString()!)
            .ToDictionary(g => g.Key, g => g.Max(e => e.GetProperty("version").GetInt32()));
        var feed = await ApiClient.ExpectAsync(await chw.GetAsync($"/api/feed?after={Uri.EscapeDataString(lastCursor)}&limit=500"), HttpStatusCode.OK);
        foreach (var e in feed["items"]!.AsArray())
        {
            var id = e!["caseId"]!.GetValue<string>();
            versions[id] = Math.Max(versions.GetValueOrDefault(id), e["version"]!.GetValue<int>());
        }

        foreach (var id in cases)
        {
            var stored = await ApiClient.ExpectAsync(await chw.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);
            Assert.Equal(ApiClient.Version(stored), versions.GetValueOrDefault(id));
        }

        output.WriteLine($"{fixture.GetType().Name}, after the kill: 20 commands, each pair answered and delivered on the other instance in at most {delays.Max().TotalMilliseconds:F0} ms (median {delays.Order().ElementAt(delays.Count / 2).TotalMilliseconds:F0} ms); the moved client caught up {feed["items"]!.AsArray().Count} events from its cursor");
    }
}
