using System.Net;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Operations;

/// <summary>
/// The Orleans dashboard answers admins at the web's /admin/dashboard and nobody else: anonymous callers get 401,
/// every other demo role 403, and the silo's own HTTP port does not serve it at all.
/// </summary>
[Trait("Category", "Web")]
public sealed class DashboardTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    // The page, its script, and two of the data endpoints it calls.
    public static TheoryData<string> DashboardPaths() => new()
    {
        "/admin/dashboard/", "/admin/dashboard/index.min.js", "/admin/dashboard/ClusterStats", "/admin/dashboard/DashboardCounters",
    };

    [Theory]
    [MemberData(nameof(DashboardPaths))]
    public async Task An_admin_gets_the_dashboard(string path)
    {
        using var admin = new ApiClient(fixture.A, "admin");

        var response = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(DashboardPaths))]
    public async Task Anonymous_callers_and_every_other_role_are_refused(string path)
    {
        using var anonymous = ApiClient.WithToken(fixture.A, null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        foreach (var user in new[] { "asha.north", "chw.north", "clinician.north", "clinician.south" })
        {
            using var client = new ApiClient(fixture.A, user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task The_silos_own_port_does_not_serve_the_dashboard()
    {
        using var http = new HttpClient { BaseAddress = fixture.Silo.Address };

        var page = await http.GetAsync(new Uri("/admin/dashboard/", UriKind.Relative));
        var data = await http.GetAsync(new Uri("/admin/dashboard/ClusterStats", UriKind.Relative));
        var health = await http.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, data.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("127.0.0.1", fixture.Silo.Address.Host);
    }
}
