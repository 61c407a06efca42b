using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansCases.Testing;
using OrleansCases.Web.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace OrleansCases.Web.Tests.Reliability;

/// <summary>A silo and a web instance on an Azurite of their own, which a test pauses; memory streams.</summary>
public class PausableStorageFixture : IAsyncLifetime
{
    private readonly string _serviceId = UniqueName.For("pause");
    private TestSilo? _silo;

    public PrivateAzurite Storage { get; private set; } = null!;

    public WebInstance Web { get; private set; } = null!;

    /// <summary>What the web logged (at Warning and above): a failing test shows the errors behind its answers.</summary>
    public LogCapture WebLogs { get; } = new();

    /// <summary>What carries the case-events streams (Cluster:Streams), on the silo and the web alike.</summary>
    protected virtual string Streams => "Memory";

    public async Task InitializeAsync()
    {
        Storage = await PrivateAzurite.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = Storage.ConnectionString,
            ["Cluster:Streams"] = Streams,
            [RequestDeadline.Key] = RequestDeadline.Product,
        };
        _silo = await TestSilo.StartAsync(_serviceId, settings: settings);
        Web = new WebInstance(_serviceId, _silo.GatewayPort, settings: settings, logs: WebLogs);
    }

    public async Task DisposeAsync()
    {
        await Web.DisposeAsync();
        await _silo!.DisposeAsync();
        await Storage.DisposeAsync();
    }
}

/// <summary>The same with Azure Queue streams, whose queues are in the paused storage too.</summary>
public sealed class PausableQueueStorageFixture : PausableStorageFixture
{
    protected override string Streams => "AzureQueue";
}

[Trait("Category", "Web")]
[Trait("Category", "Slow")]
public sealed class StoragePauseTests(PausableStorageFixture fixture, ITestOutputHelper output)
    : StoragePauseTestsBase(fixture, output), IClassFixture<PausableStorageFixture>;

[Trait("Category", "Web")]
[Trait("Category", "Slow")]
public sealed class StoragePauseWithQueueStreamsTests(PausableQueueStorageFixture fixture, ITestOutputHelper output)
    : StoragePauseTestsBase(fixture, output), IClassFixture<PausableQueueStorageFixture>;

/// <summary>
/// Storage paused (Azurite SIGSTOPped) under traffic: the API answers 503 with Retry-After promptly instead of
/// hanging, the hub stays up, nothing half-written remains, and service resumes by itself when storage does.
/// </summary>
public abstract class StoragePauseTestsBase(PausableStorageFixture fixture, ITestOutputHelper output)
{
    // "Promptly": the API's deadline is 2 s (a loaded box adds to it); a request that hangs would take the storage
    // client's 10 s or more.
    private static readonly TimeSpan _prompt = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan _recovery = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(5)]
    [InlineData(30)]
    public async Task Storage_paused_under_traffic_gets_prompt_503s_and_the_service_resumes_with_nothing_half_written(int seconds)
    {
        await using var chw = await LiveClient.ConnectAsync(fixture.Web, "chw.north");
        using var asha = new ApiClient(fixture.Web, "asha.north");
        using var reader = new ApiClient(fixture.Web, "chw.north");
        await asha.CreateAsync("P-WARM");
        var answers = new List<(DateTimeOffset At, TimeSpan Took, HttpStatusCode Status)>();
        var acknowledged = new System.Collections.Concurrent.ConcurrentQueue<(string CaseId, int Version)>();
        using var stop = new CancellationTokenSource();

        // Traffic: cases opened and forwarded, each command retried with its commandId until answered 2xx.
        var traffic = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var created = await SendAsync(asha, "/api/cases", new { patientRef = $"P-{seconds}-{n}", summary = "Fever", priority = "urgent", commandId = Guid.NewGuid().ToString("N") }, answers);
                var id = ApiClient.Id(created);
                acknowledged.Enqueue((id, 1));
                var forwarded = await SendAsync(asha, $"/api/cases/{id}/actions/forward", new { commandId = Guid.NewGuid().ToString("N") }, answers);
                acknowledged.Enqueue((id, ApiClient.Version(forwarded)));
            }
        });
        await WaitUntilAsync(() => acknowledged.Count >= 10);

        await fixture.Storage.PauseAsync();
        var pausedAt = DateTimeOffset.UtcNow;
        try
        {
            // Let the pause last; the traffic meanwhile gets its answers. Meanwhile the hub must stay up.
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            Assert.Equal(HubConnectionState.Connected, chw.Connection.State);
        }
        finally
        {
            await fixture.Storage.ResumeAsync();
        }

        var resumedAt = DateTimeOffset.UtcNow;
        var acknowledgedAtResume = acknowledged.Count;
        try
        {
            // Traffic that failed (an answer neither 2xx nor 503) ends the wait at once, and its error is the test's.
            await WaitUntilAsync(() => acknowledged.Count >= acknowledgedAtResume + 10 || traffic.IsFaulted);
            await (traffic.IsFaulted ? traffic : Task.CompletedTask);
        }
        catch (Exception ex) when (ex is OperationCanceledException || traffic.IsFaulted)
        {
            // Service did not resume: show how every attempt since the pause was answered.
            lock (answers)
            {
                foreach (var a in answers.Where(a => a.At > pausedAt))
                {
                    output.WriteLine($"{(a.At - pausedAt).TotalSeconds,6:F1} s: {(int)a.Status} in {a.Took.TotalSeconds:F2} s");
                }
            }

            foreach (var line in fixture.WebLogs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)))
            {
                output.WriteLine(line);
            }

            throw;
        }
        stop.Cancel();
        await traffic.WaitAsync(_recovery);
        var firstAfter = answers.Where(a => a.At > resumedAt && (int)a.Status < 300).Min(a => a.At) - resumedAt;

        // During the pause every attempt was answered, promptly: 503 with Retry-After, or a retry of a command that
        // had applied, which its case answers from memory as the first time.
        var duringPause = answers.Where(a => a.At - a.Took > pausedAt && a.At < resumedAt).ToList();
        Assert.Contains(duringPause, a => a.Status == HttpStatusCode.ServiceUnavailable);
        var slowest = answers.Max(a => a.Took);
        Assert.True(slowest < _prompt, $"An attempt took {slowest.TotalSeconds:F1} s to be answered.");
        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.ServiceUnavailable || (int)a.Status < 300, $"answered {a.Status}"));

        // Nothing half-written: each case holds exactly its answered commands, its list row agrees, and the live
        // client converges to it; the feed has each change once.
        var stored = new Dictionary<string, JsonObject>();
        foreach (var id in acknowledged.Select(a => a.CaseId).Distinct())
        {
            stored[id] = await ApiClient.ExpectAsync(await reader.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);
            Assert.Equal(acknowledged.Where(a => a.CaseId == id).Max(a => a.Version), ApiClient.Version(stored[id]));
            Assert.Equal(
                Enumerable.Range(1, ApiClient.Version(stored[id])),
                stored[id]["history"]!.AsArray().Select(h => h!["version"]!.GetValue<int>()));
        }

        var list = await ApiClient.ExpectAsync(await reader.GetAsync("/api/cases?view=region&limit=200"), HttpStatusCode.OK);
        foreach (var item in list["items"]!.AsArray().Where(i => stored.ContainsKey(i!["id"]!.GetValue<string>())))
        {
            Assert.Equal(ApiClient.Version(stored[item!["id"]!.GetValue<string>()]), ApiClient.Version(item.AsObject()));
        }

        foreach (var (id, @case) in stored)
        {
            await chw.WaitForAsync(id, ApiClient.Version(@case));
        }

        output.WriteLine(
            $"{fixture.GetType().Name}, paused {seconds} s: {answers.Count} attempts, {answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable)} answered 503; " +
            $"slowest answer {slowest.TotalSeconds:F2} s; first 2xx {firstAfter.TotalSeconds:F1} s after storage resumed; " +
            $"{acknowledged.Count} commands on {stored.Count} cases, all stored once");
    }

    private static async Task<JsonObject> SendAsync(ApiClient client, string path, object body, List<(DateTimeOffset, TimeSpan, HttpStatusCode)> answers)
    {
        var deadline = DateTimeOffset.UtcNow + _recovery + TimeSpan.FromSeconds(30);
        while (true)
        {
            var clock = Stopwatch.StartNew();
            var response = await client.PostJsonAsync(path, body);
            lock (answers)
            {
                answers.Add((DateTimeOffset.UtcNow, clock.Elapsed, response.StatusCode));
            }

            if (response.IsSuccessStatusCode || response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTimeOffset.UtcNow > deadline)
            {
                return await ApiClient.ExpectAsync(response, response.IsSuccessStatusCode ? response.StatusCode : HttpStatusCode.Created);
            }

            Assert.NotNull(response.Headers.RetryAfter);
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(_recovery);
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }
}
