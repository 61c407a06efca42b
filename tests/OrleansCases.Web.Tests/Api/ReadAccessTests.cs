using System.Net;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Api;

[Trait("Category", "Web")]
public sealed class ReadAccessTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Theory]
    [InlineData("asha.south")]
    [InlineData("chw.south")]
    [InlineData("clinician.south")]
    [InlineData("asha2.north")]
    public async Task A_case_is_not_found_for_anyone_who_may_not_read_it(string outsider)
    {
        using var asha = new ApiClient(fixture.A, "asha.north");
        using var other = new ApiClient(fixture.A, outsider);
        var id = ApiClient.Id(await asha.CreateAsync());

        var read = await other.GetAsync($"/api/cases/{id}");
        var act = await other.ActAsync(id, "cancel", new { reason = "not mine" });

        await ApiClient.ExpectAsync(read, HttpStatusCode.NotFound);
        await ApiClient.ExpectAsync(act, HttpStatusCode.NotFound);
        Assert.Equal(1, ApiClient.Version(await ApiClient.ExpectAsync(await asha.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK)));
    }

    [Theory]
    [InlineData("chw.north")]
    [InlineData("clinician.north")]
    [InlineData("admin")]
    public async Task A_case_is_readable_by_its_region_and_admins_with_their_allowed_actions(string reader)
    {
        using var asha = new ApiClient(fixture.A, "asha.north");
        using var client = new ApiClient(fixture.A, reader);
        var id = ApiClient.Id(await asha.CreateAsync());
        await asha.DoAsync(id, "forward");

        var view = await ApiClient.ExpectAsync(await client.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);

        var allowed = view["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();
        string[] expected = reader switch
        {
            "chw.north" => ["assign", "cancel"],
            "clinician.north" => ["claim"],
            _ => ["assign", "cancel"],
        };
        Assert.Equal(expected, allowed);
        Assert.Equal(2, view["history"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_role_that_may_never_do_an_action_on_a_readable_case_is_forbidden_and_nothing_changes()
    {
        using var asha = new ApiClient(fixture.A, "asha.north");
        using var chw = new ApiClient(fixture.A, "chw.north");
        using var clinician = new ApiClient(fixture.A, "clinician.north");
        var id = ApiClient.Id(await asha.CreateAsync());
        await asha.DoAsync(id, "forward");

        await ApiClient.ExpectAsync(await chw.ActAsync(id, "claim"), HttpStatusCode.Forbidden);
        await ApiClient.ExpectAsync(await clinician.ActAsync(id, "cancel", new { reason = "no" }), HttpStatusCode.Forbidden);

        var view = await ApiClient.ExpectAsync(await asha.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);
        Assert.Equal(2, ApiClient.Version(view));
        Assert.Equal("ForwardedToClinician", view["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lists_show_each_role_its_own_cases_and_refuse_lists_a_role_may_not_read()
    {
        using var asha = new ApiClient(fixture.A, "asha.north");
        using var asha2 = new ApiClient(fixture.A, "asha2.north");
        using var admin = new ApiClient(fixture.A, "admin");
        var mine = ApiClient.Id(await asha.CreateAsync());
        var theirs = ApiClient.Id(await asha2.CreateAsync());

        var ashaList = await ApiClient.ExpectAsync(await asha.GetAsync("/api/cases?view=mine"), HttpStatusCode.OK);
        var regionForAsha = await asha.GetAsync("/api/cases?view=region");
        var adminList = await ApiClient.ExpectAsync(await admin.GetAsync("/api/cases?view=region&region=north&limit=200"), HttpStatusCode.OK);
        var adminWithoutRegion = await admin.GetAsync("/api/cases?view=region");

        var ashaIds = ashaList["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToArray();
        Assert.Contains(mine, ashaIds);
        Assert.DoesNotContain(theirs, ashaIds);
        Assert.NotNull(ashaList["feedCursor"]);
        await ApiClient.ExpectAsync(regionForAsha, HttpStatusCode.Forbidden);
        Assert.Contains(theirs, adminList["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        await ApiClient.ExpectAsync(adminWithoutRegion, HttpStatusCode.BadRequest);
    }
}
