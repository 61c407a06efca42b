using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Queue;

/// <summary>
/// GET /api/queue/summary (docs/design.md section 10): a region's queue by priority for its CHWs and for admins, who name
/// the region; 403 for everyone else and for a CHW asking about another region; one region's figures never another's.
/// </summary>
[Trait("Category", "Web")]
public sealed class QueueSummaryApiTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_chw_sees_the_regions_queue_by_priority_with_the_claim_times_of_the_day()
    {
        using var asha = new ApiClient(fixture.A, "asha.north");
        using var clinician = new ApiClient(fixture.A, "clinician.north");
        using var chw = new ApiClient(fixture.A, "chw.north");
        var claimed = ApiClient.Id(await asha.CreateAsync(Patients.New(), "emergency"));
        var left = ApiClient.Id(await asha.CreateAsync(Patients.New(), "emergency"));
        var urgent = ApiClient.Id(await asha.CreateAsync(Patients.New(), "urgent"));
        await asha.DoAsync(claimed, "forward");
        var waiting = await asha.DoAsync(left, "forward");
        await asha.DoAsync(urgent, "forward");
        var claim = await clinician.DoAsync(claimed, "claim");

        var summary = await SummaryWhenAsync(chw, "/api/queue/summary", s => Of(s, "emergency")["claims"]!.GetValue<int>() == 1 && Of(s, "urgent")["waiting"]!.GetValue<int>() == 1);

        Assert.Equal("north", summary["region"]!.GetValue<string>());
        Assert.Equal(["emergency", "urgent", "routine"], summary["priorities"]!.AsArray().Select(p => p!["priority"]!.GetValue<string>()));
        var emergency = Of(summary, "emergency");
        Assert.Equal(1, emergency["waiting"]!.GetValue<int>());
        Assert.Equal(Time(waiting["waitingSince"]), Time(emergency["oldestWaitingSince"]));
        var history = claim["history"]!.AsArray();
        var waited = Math.Round((Time(history[^1]!["at"]) - Time(history[^2]!["at"])).TotalSeconds, 1);
        Assert.Equal((waited, waited), (emergency["claimTimeP50Seconds"]!.GetValue<double>(), emergency["claimTimeP90Seconds"]!.GetValue<double>()));
        Assert.Equal(0, emergency["escalationsToday"]!.GetValue<int>());
        var routine = Of(summary, "routine");
        Assert.Equal((0, 0), (routine["waiting"]!.GetValue<int>(), routine["claims"]!.GetValue<int>()));
        Assert.Null(routine["oldestWaitingSince"]);
        Assert.Null(routine["claimTimeP50Seconds"]);

        // The admin reads the same of north, and nothing of it in south's.
        using var admin = new ApiClient(fixture.A, "admin");
        var north = await ApiClient.ExpectAsync(await admin.GetAsync("/api/queue/summary?region=north"), HttpStatusCode.OK);
        Assert.Equal(1, Of(north, "emergency")["claims"]!.GetValue<int>());
        var south = await ApiClient.ExpectAsync(await admin.GetAsync("/api/queue/summary?region=south"), HttpStatusCode.OK);
        Assert.All(south["priorities"]!.AsArray(), p => Assert.Equal((0, 0, 0), (p!["waiting"]!.GetValue<int>(), p["claims"]!.GetValue<int>(), p["escalationsToday"]!.GetValue<int>())));
    }

    [Theory]
    [InlineData("asha.north", "/api/queue/summary")]
    [InlineData("clinician.north", "/api/queue/summary")]
    [InlineData("clinician.north", "/api/queue/summary?region=north")]
    [InlineData("chw.north", "/api/queue/summary?region=south")]
    public async Task Anyone_but_the_regions_chws_and_admins_is_refused(string userId, string path)
    {
        using var user = new ApiClient(fixture.A, userId);

        var refused = await ApiClient.ExpectAsync(await user.GetAsync(path), HttpStatusCode.Forbidden);

        Assert.Equal(403, refused["status"]!.GetValue<int>());
        Assert.Null(refused["priorities"]);
    }

    [Theory]
    [InlineData("/api/queue/summary")]
    [InlineData("/api/queue/summary?region=east")]
    public async Task An_admin_names_a_region_it_serves(string path)
    {
        using var admin = new ApiClient(fixture.A, "admin");

        var refused = await ApiClient.ExpectAsync(await admin.GetAsync(path), HttpStatusCode.BadRequest);

        Assert.NotNull(refused["errors"]!["region"]);
    }

    private static JsonObject Of(JsonObject summary, string priority) =>
        summary["priorities"]!.AsArray().Single(p => p!["priority"]!.GetValue<string>() == priority)!.AsObject();

    private static DateTimeOffset Time(JsonNode? node) =>
        DateTimeOffset.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture);

    /// <summary>The summary once it tells what the test awaits: the grain answers a summary again for a second.</summary>
    private static async Task<JsonObject> SummaryWhenAsync(ApiClient client, string path, Func<JsonObject, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow + Timeout;
        var summary = await ApiClient.ExpectAsync(await client.GetAsync(path), HttpStatusCode.OK);
        while (!done(summary))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Not within {Timeout.TotalSeconds} s; the last summary: {summary.ToJsonString()}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            summary = await ApiClient.ExpectAsync(await client.GetAsync(path), HttpStatusCode.OK);
        }

        return summary;
    }
}
