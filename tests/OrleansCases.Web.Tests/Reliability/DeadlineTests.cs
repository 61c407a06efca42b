using System.Net;
using OrleansCases.Abstractions;
using OrleansCases.Abstractions.Streams;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Reliability;

[Trait("Category", "Web")]
public sealed class DeadlineTests(FaultsFixture fixture) : IClassFixture<FaultsFixture>
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(10);

    // The product's 2 s deadline, not the relaxed one test instances get by default.
    private readonly WebInstance _web = fixture.NewWeb(RequestDeadline.ProductSettings);

    [Fact]
    public async Task A_command_whose_case_does_not_answer_gets_503_at_the_deadline_and_its_retry_the_first_answer()
    {
        using var asha = new ApiClient(_web, "asha.north");
        var commandId = Guid.NewGuid().ToString("N");
        var body = new { patientRef = "P-SLOW", summary = "Cough", priority = "routine", commandId };
        HttpResponseMessage first;
        using (var held = fixture.Faults.Hold<ICaseGrain>(nameof(ICaseGrain.CreateAsync), afterRun: true))
        {
            // The case stores the change, but its answer is held (a silo that stalls): the caller is not held with it.
            first = await asha.PostJsonAsync("/api/cases", body).WaitAsync(_patience);
            Assert.True(held.Reached.IsCompleted);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.NotNull(first.Headers.RetryAfter);
        var retried = await ApiClient.ExpectAsync(await asha.PostJsonAsync("/api/cases", body), HttpStatusCode.Created);
        var stored = await ApiClient.ExpectAsync(await asha.GetAsync($"/api/cases/{ApiClient.Id(retried)}"), HttpStatusCode.OK);
        Assert.Equal(1, ApiClient.Version(stored));
    }

    [Fact]
    public async Task A_publish_that_hangs_delays_no_command_and_its_event_still_reaches_clients()
    {
        await using var chw = await LiveClient.ConnectAsync(_web, "chw.north");
        using var asha = new ApiClient(_web, "asha.north");
        string id;
        using (var held = fixture.Faults.Hold<IEventQueueGrain>(nameof(IEventQueueGrain.EnqueueAsync)))
        {
            id = ApiClient.Id(await asha.CreateAsync("P-UNPUBLISHED").WaitAsync(_patience));
            Assert.True(held.Reached.IsCompleted);
        }

        // Stored is what counts: the late publish, or the bridge's poll of the region's head, brings it.
        await chw.WaitForAsync(id, 1);
    }
}
