using System.Net;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Api;

/// <summary>GET /api/cases?patient=: a search by patient reference that finds only what its caller may read (design.md section 3).</summary>
[Trait("Category", "Web")]
public sealed class PatientSearchApiTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task Each_reader_finds_what_they_may_read_and_no_more()
    {
        var patient = "PS-" + Guid.NewGuid().ToString("N")[..8];
        using var asha = new ApiClient(fixture.A, "asha.north");
        using var asha2 = new ApiClient(fixture.A, "asha2.north");
        var hers = ApiClient.Id(await asha.CreateAsync(patient));
        var theirs = ApiClient.Id(await asha2.CreateAsync(patient.ToLowerInvariant()));
        // One reference's cases come in the order of their ids.
        List<string> Both() => [.. new[] { hers, theirs }.Order(StringComparer.Ordinal)];

        Assert.Equal([hers], await FoundAsync("asha.north", patient));
        Assert.Equal([theirs], await FoundAsync("asha2.north", patient));
        foreach (var reader in new[] { "chw.north", "clinician.north" })
        {
            Assert.Equal(Both(), await FoundAsync(reader, patient.ToLowerInvariant()));
        }

        Assert.Equal(Both(), await FoundAsync("admin", patient, "&region=north"));
        Assert.Empty(await FoundAsync("admin", patient, "&region=south"));
        foreach (var outsider in new[] { "asha.south", "chw.south", "clinician.south" })
        {
            Assert.Empty(await FoundAsync(outsider, patient));
        }
    }

    [Theory]
    [InlineData("?patient=", "patient")]
    [InlineData("?patient=P%201", "patient")]
    [InlineData("?view=patient", "patient")]
    [InlineData("?view=region&patient=P-1", "patient")]
    [InlineData("?patient=P-1&region=south", "region")]
    public async Task A_malformed_search_is_a_400_naming_its_parameter(string query, string parameter)
    {
        using var chw = new ApiClient(fixture.A, "chw.north");

        var problem = await ApiClient.ExpectAsync(await chw.GetAsync("/api/cases" + query), HttpStatusCode.BadRequest);

        Assert.Equal([parameter], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    private async Task<List<string>> FoundAsync(string userId, string patient, string extra = "")
    {
        using var client = new ApiClient(fixture.A, userId);
        var page = await ApiClient.ExpectAsync(await client.GetAsync($"/api/cases?patient={patient}{extra}"), HttpStatusCode.OK);
        return [.. page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>())];
    }
}
