using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OrleansCases.Abstractions;
using OrleansCases.Web.Live;
using OrleansCases.Web.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace OrleansCases.Web.Tests.Reliability;

/// <summary>
/// A web that also serves a region "flood", whose events the test publishes straight onto its stream (no region log
/// stores them: 50,000 stored changes would take minutes here), and closes a connection after 2 s of a blocked send.
/// </summary>
public sealed class FloodFixture() : FaultsFixture(
    new Dictionary<string, string?>(),
    new Dictionary<string, string?> { ["Cases:Regions:2"] = FloodFixture.Region, ["Hub:TransportSendTimeout"] = "00:00:02" })
{
    public const string Region = "flood";
}

/// <summary>
/// One connection that never reads while 50,000 events flow to its group: the web closes it once a send to it has
/// waited the hub's TransportSendTimeout, so what it holds for it stays bounded; everyone else keeps receiving; and
/// the slow one catches up through the feed when it comes back.
/// </summary>
[Trait("Category", "Web")]
[Collection(AloneGroup.Name)]
public sealed class SlowConsumerTests(FloodFixture fixture, ITestOutputHelper output) : IClassFixture<FloodFixture>
{
    private const int Events = 50_000;
    private const int BatchSize = 100;

    [Fact]
    public async Task A_connection_that_never_reads_is_dropped_others_keep_receiving_and_it_catches_up_on_return()
    {
        var web = fixture.Web;
        using var admin = new ApiClient(web, "admin");
        using var asha = new ApiClient(web, "asha.north");
        var cursor = (await ApiClient.ExpectAsync(await admin.GetAsync("/api/cases?view=region&region=north"), HttpStatusCode.OK))["feedCursor"]!.GetValue<string>();
        var registry = web.Services.GetRequiredService<ConnectionRegistry>();
        await using var chw = await LiveClient.ConnectAsync(web, "chw.north");
        await using var counter = await FloodCounter.ConnectAsync(web);
        // A connection that completes the SignalR handshake and then never reads what the server sends.
        using var stalled = await RawHubSocket.ConnectAsync(web, TestTokens.For(web, TestTokens.User("admin")));
        await stalled.HandshakeAsync();
        await WaitUntilAsync(() => registry.Count == 3, "the three connections registered");

        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        var droppedAtEvent = -1;
        var stream = web.Services.GetRequiredService<IClusterClient>().GetStreamProvider(CaseStreams.ProviderName)
            .GetStream<CaseEvent>(CaseStreams.ForRegion(FloodFixture.Region));
        var created = new List<string>();
        var note = new string('n', 500);
        for (var first = 1; first <= Events; first += BatchSize)
        {
            await stream.OnNextBatchAsync([.. Enumerable.Range(first, BatchSize).Select(seq => FloodEvent(seq, note))]);
            if (first % 10_000 == 1)
            {
                created.Add(ApiClient.Id(await asha.CreateAsync($"P-DURING-{first}")));
            }

            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            if (droppedAtEvent < 0 && registry.Count < 3)
            {
                droppedAtEvent = first;
            }

            // About 5,000 events a second, so the flood outlasts the send timeout several times over.
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        // Everyone else got everything, in order, once.
        await counter.WaitForAsync(Events);
        Assert.Equal(Events, counter.Count);
        foreach (var id in created)
        {
            await chw.WaitForAsync(id, 1);
        }

        // The slow one was closed by the server while the flood went on, and what it held was let go.
        Assert.True(droppedAtEvent > 0 && droppedAtEvent < Events, $"The connection that never read was dropped at event {droppedAtEvent}.");
        GC.Collect();
        var after = GC.GetTotalMemory(forceFullCollection: true);

        // Back, it catches up through the feed from the cursor it had: every stored change made meanwhile.
        var feed = await ApiClient.ExpectAsync(await admin.GetAsync($"/api/feed?after={Uri.EscapeDataString(cursor)}&limit=500"), HttpStatusCode.OK);
        var caughtUp = feed["items"]!.AsArray().Select(i => i!["caseId"]!.GetValue<string>()).ToHashSet();
        Assert.Subset(caughtUp, created.ToHashSet());

        const double MiB = 1024 * 1024;
        output.WriteLine(
            $"{Events} events of ~{JsonSerializer.Serialize(CaseStatusUpdate.From(FloodEvent(1, note), cursor)).Length} bytes each; the connection that never read was dropped " +
            $"by event {droppedAtEvent}; managed heap of the test process (silo, web and clients) peaked {(peak - baseline) / MiB:F1} MiB above its start and ended " +
            $"{(after - baseline) / MiB:F1} MiB above it");
        Assert.True(peak - baseline < 200 * MiB, $"The heap grew by {(peak - baseline) / MiB:F0} MiB.");
    }

    private static CaseEvent FloodEvent(long seq, string note) => new(
        $"flood{seq:D20}", CaseStatus.Open, null, CaseAction.Create, "asha.flood", "Flood ASHA", DateTimeOffset.UtcNow,
        FloodFixture.Region, "asha.flood", null, null, CasePriority.Routine, 1, note, seq);

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token).ConfigureAwait(false);
        }

        Assert.True(condition(), what);
    }

    /// <summary>An admin's connection that keeps only a count of the flood's events: it must not itself hold 50,000 of them.</summary>
    private sealed class FloodCounter : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;
        private long _last;
        private int _target = int.MaxValue;

        private FloodCounter(HubConnection connection)
        {
            _connection = connection;
            connection.On<JsonElement>("caseStatusUpdate", e =>
            {
                if (e.GetProperty("region").GetString() != FloodFixture.Region)
                {
                    return;
                }

                var seq = e.GetProperty("seq").GetInt64();
                Assert.Equal(_last + 1, seq);
                _last = seq;
                if (Interlocked.Increment(ref _count) >= Volatile.Read(ref _target))
                {
                    _all.TrySetResult();
                }
            });
        }

        public int Count => Volatile.Read(ref _count);

        public static async Task<FloodCounter> ConnectAsync(WebInstance web)
        {
            var token = TestTokens.For(web, TestTokens.User("admin"));
            var connection = new HubConnectionBuilder().WithUrl(new Uri(web.Address, "hubs/cases"), o =>
            {
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            }).Build();
            var counter = new FloodCounter(connection);
            await connection.StartAsync();
            return counter;
        }

        public async Task WaitForAsync(int events)
        {
            Volatile.Write(ref _target, events);
            if (Count < events)
            {
                await _all.Task.WaitAsync(TimeSpan.FromSeconds(120));
            }
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}
