using System.Net;
using System.Text.Json.Nodes;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Operations;

/// <summary>GET /api/admin/cluster: the silos with their activations, and each web instance's connections and traffic.</summary>
[Trait("Category", "Web")]
public sealed class AdminClusterTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task An_admin_sees_the_silos_and_every_web_instances_connections_by_role_and_region()
    {
        using var admin = new ApiClient(fixture.A, "admin");
        await using var onA = await LiveClient.ConnectAsync(fixture.A, "chw.north");
        await using var onB = await LiveClient.ConnectAsync(fixture.B, "clinician.south");

        var cluster = await ReportedAsync(admin, c => Connections(c, "chw/north") >= 1 && Connections(c, "clinician/south") >= 1);

        Assert.True(Connections(cluster, "chw/north") >= 1 && Connections(cluster, "clinician/south") >= 1, cluster.ToJsonString());
        Assert.Equal(2, cluster["webInstances"]!.AsArray().Count);
        var silo = Assert.Single(cluster["silos"]!.AsArray());
        Assert.Equal("Active", silo!["status"]!.GetValue<string>());
        Assert.True(silo["activations"]!.GetValue<int>() > 0);
    }

    [Theory]
    [InlineData("asha.north")]
    [InlineData("clinician.north")]
    [InlineData("chw.south")]
    public async Task Anyone_but_an_admin_is_refused(string userId)
    {
        using var client = new ApiClient(fixture.A, userId);
        using var anonymous = ApiClient.WithToken(fixture.A, null);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/cluster")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/cluster")).StatusCode);
    }

    /// <summary>
    /// The cluster view once it shows <paramref name="done"/>: instances report on a 5 s timer and nothing announces a
    /// report, so the endpoint itself is what the test watches, once per report period at most.
    /// </summary>
    private static async Task<JsonObject> ReportedAsync(ApiClient admin, Func<JsonObject, bool> done)
    {
        using var period = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonObject cluster;
        do
        {
            cluster = await ApiClient.ExpectAsync(await admin.GetAsync("/api/admin/cluster"), HttpStatusCode.OK);
        }
        while (!done(cluster) && DateTime.UtcNow < deadline && await period.WaitForNextTickAsync());

        return cluster;
    }

    private static int Connections(JsonObject cluster, string key) =>
        cluster["webInstances"]!.AsArray().Sum(w => w!["connections"]![key]?.GetValue<int>() ?? 0);
}
