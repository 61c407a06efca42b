using System.Net;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Reliability;

[Trait("Category", "Web")]
public sealed class UserOracleTests(FaultsFixture fixture) : IClassFixture<FaultsFixture>
{
    [Fact]
    public async Task AssignTo_on_a_case_the_caller_may_not_read_answers_404_whether_the_user_exists_or_not()
    {
        using var asha = new ApiClient(fixture.Web, "asha.north");
        using var outsider = new ApiClient(fixture.Web, "chw.south");
        var id = ApiClient.Id(await asha.CreateAsync("P-ORACLE"));

        // Whether the named user exists must not show through the answer to someone who cannot see the case.
        var known = await outsider.ActAsync(id, "forward", new { assignTo = "clinician.north" });
        var unknown = await outsider.ActAsync(id, "forward", new { assignTo = "nobody.north" });
        var knownProblem = await ApiClient.ExpectAsync(known, HttpStatusCode.NotFound);
        var unknownProblem = await ApiClient.ExpectAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(knownProblem["title"]!.GetValue<string>(), unknownProblem["title"]!.GetValue<string>());
        Assert.Null(unknownProblem["errors"]);

        // The case is as it was; its own readers still get the 400 for an unknown user.
        var unchanged = await ApiClient.ExpectAsync(await asha.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);
        Assert.Equal(1, ApiClient.Version(unchanged));
        await ApiClient.ExpectAsync(await asha.ActAsync(id, "forward", new { assignTo = "nobody.north" }), HttpStatusCode.BadRequest);
    }
}
