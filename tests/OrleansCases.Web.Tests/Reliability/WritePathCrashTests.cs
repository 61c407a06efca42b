using System.Net;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Streams;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Reliability;

/// <summary>
/// Every stored change reaches its region's lists, feed and live clients within seconds, with no further command or
/// read of that case, when the silo dies between any two steps of the write path: the case grain has recorded the
/// case's home and sent the change to its region log; the log has stored the change's batch (tip, history, lists and
/// feed in one transaction) and is publishing it; it has published and is answering.
/// </summary>
[Trait("Category", "Web")]
public sealed class WritePathCrashTests(RestartableSiloFixture fixture) : IClassFixture<RestartableSiloFixture>
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(30);

    public enum WriteStep
    {
        /// <summary>The case's home is stored; the change is on its way to the region log.</summary>
        BeforeAppend,

        /// <summary>The batch is stored; its events are on their way to the stream.</summary>
        BeforePublish,

        /// <summary>Stored and published; the answer is on its way back.</summary>
        BeforeAnswer,
    }

    [Theory]
    [InlineData(WriteStep.BeforeAppend)]
    [InlineData(WriteStep.BeforePublish)]
    [InlineData(WriteStep.BeforeAnswer)]
    public async Task A_silo_that_dies_mid_write_leaves_the_change_stored_and_delivered_or_not_stored_at_all(WriteStep step)
    {
        await using var chw = await LiveClient.ConnectAsync(fixture.Web, "chw.north");
        using var asha = new ApiClient(fixture.Web, "asha.north");
        using var reader = new ApiClient(fixture.Web, "chw.north");
        var warm = ApiClient.Id(await asha.CreateAsync("P-WARM"));
        await chw.WaitForAsync(warm, 1);

        var commandId = Guid.NewGuid().ToString("N");
        var body = new { patientRef = $"P-{step}", summary = "Fever", priority = "urgent", commandId };
        var id = CaseIds.ForCreate("asha.north", commandId);
        // Never released: the killed silo's code must not go on as if it lived (see TestSilo.KillAsync).
        var held = step switch
        {
            WriteStep.BeforeAppend => fixture.Faults.Hold<IRegionLogGrain>(nameof(IRegionLogGrain.AppendAsync)),
            WriteStep.BeforePublish => fixture.Faults.Hold<IEventQueueGrain>(nameof(IEventQueueGrain.EnqueueAsync)),
            _ => fixture.Faults.Hold<IRegionLogGrain>(nameof(IRegionLogGrain.AppendAsync), afterRun: true),
        };
        var creating = asha.PostJsonAsync("/api/cases", body);
        await held.Reached.WaitAsync(_patience);
        await fixture.CrashAndReplaceAsync();

        // The caller was told 503 (it may or may not have applied), never a success that is not stored.
        var first = await creating.WaitAsync(_patience);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);

        if (step == WriteStep.BeforeAppend)
        {
            // Nothing stored: no list shows it, and the retry with the same commandId stores it once.
            var list = await ExpectEventuallyAsync(reader, "/api/cases?view=region");
            Assert.DoesNotContain(list["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == id);
            var retried = await ExpectEventuallyAsync(asha, "/api/cases", body);
            Assert.Equal(1, ApiClient.Version(retried));
        }

        // Stored: live clients get it without anyone touching the case, once; the list and the feed hold it.
        var delivered = await chw.WaitForAsync(id, 1);
        Assert.Equal("Open", delivered.GetProperty("status").GetString());
        var listed = await ExpectEventuallyAsync(reader, "/api/cases?view=region");
        Assert.Contains(listed["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == id && ApiClient.Version(i.AsObject()) == 1);
        Assert.Equal([1], chw.VersionsOf(id));
    }

    /// <summary>GETs (or POSTs <paramref name="body"/>) until the new silo answers 2xx; a 503 until then is expected.</summary>
    private static async Task<System.Text.Json.Nodes.JsonObject> ExpectEventuallyAsync(ApiClient client, string path, object? body = null)
    {
        var deadline = DateTime.UtcNow + _patience;
        while (true)
        {
            var response = body is null ? await client.GetAsync(path) : await client.PostJsonAsync(path, body);
            if (response.IsSuccessStatusCode || response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                return await ApiClient.ExpectAsync(response, body is null ? HttpStatusCode.OK : HttpStatusCode.Created);
            }
        }
    }
}
