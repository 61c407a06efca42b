using System.Net;
using System.Text.Json.Nodes;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Api;

/// <summary>GET /api/clinicians: whom the portal offers as assignees; a region's list never shows another region's.</summary>
[Trait("Category", "Web")]
public sealed class CliniciansApiTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Theory]
    [InlineData("asha.north", "clinician.north,clinician2.north")]
    [InlineData("clinician.north", "clinician.north,clinician2.north")]
    [InlineData("chw.south", "clinician.south")]
    public async Task A_user_sees_the_clinicians_of_their_own_region(string userId, string expected)
    {
        using var client = new ApiClient(fixture.A, userId);

        var list = await ApiClient.ExpectAsync(await client.GetAsync("/api/clinicians"), HttpStatusCode.OK);

        Assert.Equal(expected, Ids(list));
        Assert.All(list["items"]!.AsArray(), c => Assert.Equal("clinician", c!["role"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_admin_names_the_region()
    {
        using var admin = new ApiClient(fixture.A, "admin");

        var south = await ApiClient.ExpectAsync(await admin.GetAsync("/api/clinicians?region=south"), HttpStatusCode.OK);
        var unnamed = await ApiClient.ExpectAsync(await admin.GetAsync("/api/clinicians"), HttpStatusCode.BadRequest);
        var unknown = await ApiClient.ExpectAsync(await admin.GetAsync("/api/clinicians?region=east"), HttpStatusCode.BadRequest);

        Assert.Equal("clinician.south", Ids(south));
        Assert.NotNull(unnamed["errors"]!["region"]);
        Assert.NotNull(unknown["errors"]!["region"]);
    }

    [Fact]
    public async Task Another_region_is_refused_and_anonymous_callers_get_401()
    {
        using var asha = new ApiClient(fixture.A, "asha.north");
        using var anonymous = ApiClient.WithToken(fixture.A, null);

        var other = await ApiClient.ExpectAsync(await asha.GetAsync("/api/clinicians?region=south"), HttpStatusCode.BadRequest);
        var refused = await anonymous.GetAsync("/api/clinicians");

        Assert.NotNull(other["errors"]!["region"]);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static string Ids(JsonObject list) => string.Join(',', list["items"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
}
