using System.Net;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Api;

/// <summary>
/// Bad input gets a clear 4xx with problem details and changes nothing (docs/design.md sections 4 and 6.7). Each test
/// names what must stay unchanged and checks it after the refusal.
/// </summary>
[Trait("Category", "Web")]
public sealed class BadInputTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Theory]
    [InlineData("{\"patientRef\": \"P-1\", \"summary\": \"x\", \"priority\": \"urgent\"", "body")]
    [InlineData("not json at all", "body")]
    [InlineData("{\"patientRef\": 42, \"summary\": \"x\", \"priority\": \"urgent\"}", "patientRef")]
    [InlineData("{\"patientRef\": \"P-1\", \"summary\": \"x\", \"priority\": \"whenever\"}", "priority")]
    [InlineData("{\"patientRef\": \"P-1\", \"summary\": \"x\"}", "priority")]
    [InlineData("{\"summary\": \"x\", \"priority\": \"routine\"}", "patientRef")]
    [InlineData("{\"patientRef\": \"has spaces\", \"summary\": \"x\", \"priority\": \"routine\"}", "patientRef")]
    [InlineData("[1, 2, 3]", "body")]
    public async Task A_malformed_or_invalid_create_is_refused_and_creates_nothing(string body, string field)
    {
        using var asha = new ApiClient(fixture.A, "asha2.north");
        var before = await MyCaseIdsAsync(asha);

        var response = await asha.PostRawAsync("/api/cases", body);

        var problem = await ApiClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
        Assert.Equal(before, await MyCaseIdsAsync(asha));
    }

    [Fact]
    public async Task Oversized_fields_are_refused_field_by_field()
    {
        using var asha = new ApiClient(fixture.A, "asha2.north");
        var before = await MyCaseIdsAsync(asha);

        var response = await asha.PostJsonAsync("/api/cases", new
        {
            patientRef = new string('p', 65),
            summary = new string('s', 2_001),
            priority = "routine",
        });

        var problem = await ApiClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!["patientRef"] is not null && problem["errors"]!["summary"] is not null);
        Assert.Equal(before, await MyCaseIdsAsync(asha));
    }

    [Fact]
    public async Task A_body_over_64_KiB_is_refused_with_413()
    {
        using var asha = new ApiClient(fixture.A, "asha2.north");
        var before = await MyCaseIdsAsync(asha);

        var response = await asha.PostJsonAsync("/api/cases", new { patientRef = "P-1", summary = new string('s', 1 << 20), priority = "routine" });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await MyCaseIdsAsync(asha));
    }

    [Theory]
    [InlineData("/api/cases?view=mine&limit=abc")]
    [InlineData("/api/cases?view=mine&limit=99999999999")]
    [InlineData("/api/feed?limit=1.5")]
    [InlineData("/api/feed?after=ZjE&limit=ten")]
    public async Task A_limit_that_is_no_number_is_refused_with_400_naming_it(string path)
    {
        using var asha = new ApiClient(fixture.A, "asha2.north");

        var response = await asha.GetAsync(path);

        var problem = await ApiClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("limit"), problem.ToJsonString());
    }

    [Fact]
    public async Task Invalid_action_input_is_refused_and_the_case_is_unchanged()
    {
        using var asha = new ApiClient(fixture.A, "asha.north");
        var id = ApiClient.Id(await asha.CreateAsync());

        var unknownAction = await asha.ActAsync(id, "teleport");
        var wrongType = await asha.PostRawAsync($"/api/cases/{id}/actions/cancel", "{\"reason\": 5}");
        var missingReason = await asha.ActAsync(id, "cancel");
        var longReason = await asha.ActAsync(id, "cancel", new { reason = new string('r', 1_001) });
        var unknownAssignee = await asha.ActAsync(id, "forward", new { assignTo = "nobody.north" });
        var unusedField = await asha.ActAsync(id, "forward", new { facility = "PHC" });

        foreach (var (response, field) in new[]
        {
            (unknownAction, "action"), (wrongType, "reason"), (missingReason, "reason"), (longReason, "reason"),
            (unknownAssignee, "assignTo"), (unusedField, "facility"),
        })
        {
            var problem = await ApiClient.ExpectAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
        }

        Assert.Equal(1, await VersionAsync(asha, id));
    }

    [Fact]
    public async Task An_unknown_case_is_not_found_for_reads_and_actions()
    {
        using var admin = new ApiClient(fixture.A, "admin");

        await ApiClient.ExpectAsync(await admin.GetAsync("/api/cases/c000000000000000000000000"), HttpStatusCode.NotFound);
        await ApiClient.ExpectAsync(await admin.GetAsync("/api/cases/not-a-case-id"), HttpStatusCode.NotFound);
        await ApiClient.ExpectAsync(await admin.ActAsync("c000000000000000000000000", "cancel", new { reason = "x" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_illegal_transition_answers_409_with_the_current_status_and_allowed_actions()
    {
        using var asha = new ApiClient(fixture.A, "asha.north");
        var id = ApiClient.Id(await asha.CreateAsync());

        var problem = await ApiClient.ExpectAsync(await asha.ActAsync(id, "resubmit", new { note = "answer" }), HttpStatusCode.Conflict);

        Assert.Equal("Open", problem["currentStatus"]!.GetValue<string>());
        Assert.Equal(["forward", "cancel"], problem["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(1, await VersionAsync(asha, id));
    }

    [Fact]
    public async Task A_stale_expected_version_answers_409_with_the_current_version_and_changes_nothing()
    {
        using var asha = new ApiClient(fixture.A, "asha.north");
        var id = ApiClient.Id(await asha.CreateAsync());
        await asha.DoAsync(id, "forward");

        var problem = await ApiClient.ExpectAsync(await asha.ActAsync(id, "cancel", new { reason = "x", expectedVersion = 1 }), HttpStatusCode.Conflict);

        Assert.Equal(2, problem["currentVersion"]!.GetValue<int>());
        Assert.Equal(2, await VersionAsync(asha, id));
    }

    [Fact]
    public async Task A_replayed_command_answers_exactly_as_the_first_time_and_takes_effect_once()
    {
        using var asha = new ApiClient(fixture.A, "asha.north");
        var commandId = Guid.NewGuid().ToString("N");
        var created = await asha.CreateAsync(commandId: commandId);
        var again = await asha.CreateAsync(commandId: commandId);
        var id = ApiClient.Id(created);
        var first = await asha.DoAsync(id, "forward", new { note = "please", commandId = "fwd-" + commandId });
        var second = await asha.DoAsync(id, "forward", new { note = "please", commandId = "fwd-" + commandId });

        Assert.Equal(created.ToJsonString(), again.ToJsonString());
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal(2, await VersionAsync(asha, id));
        Assert.Single(await MyCaseIdsAsync(asha), x => x == id);
    }

    [Theory]
    [InlineData("c000000000000000000000000", "teleport", 400)] // 400 before 404
    [InlineData("OTHER_REGION", "cancel", 404)] // 404 before 403 and 409
    [InlineData("STALE", "claim", 409)] // a stale version (409) before a forbidden role (403)
    [InlineData("FORWARDED", "claim", 403)] // a role that may never claim (403) before the status (409)
    public async Task Failing_checks_answer_in_the_order_of_the_design(string target, string action, int status)
    {
        using var asha = new ApiClient(fixture.A, "asha.north");
        using var ashaSouth = new ApiClient(fixture.A, "asha.south");
        var id = target switch
        {
            "OTHER_REGION" => ApiClient.Id(await ashaSouth.CreateAsync()),
            "STALE" or "FORWARDED" => ApiClient.Id(await asha.CreateAsync()),
            _ => target,
        };
        if (target == "FORWARDED")
        {
            await asha.DoAsync(id, "forward");
        }

        // asha.north may never claim; for STALE her expectedVersion is also wrong.
        object body = target switch
        {
            "STALE" => new { expectedVersion = 7 },
            "OTHER_REGION" => new { reason = "not mine" },
            _ => new { },
        };
        var response = await asha.ActAsync(id, action, body);

        Assert.Equal(status, (int)response.StatusCode);
    }

    [Fact]
    public async Task No_token_answers_401_before_a_malformed_body_is_even_read()
    {
        using var anonymous = ApiClient.WithToken(fixture.A, null);

        var response = await anonymous.PostRawAsync("/api/cases", "{ not json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_replayed_command_answers_as_the_first_time_even_when_its_expected_version_is_now_stale()
    {
        using var asha = new ApiClient(fixture.A, "asha.north");
        var id = ApiClient.Id(await asha.CreateAsync());
        var body = new { expectedVersion = 1, commandId = Guid.NewGuid().ToString("N") };
        var first = await asha.DoAsync(id, "forward", body);

        var replay = await asha.DoAsync(id, "forward", body);

        Assert.Equal(first.ToJsonString(), replay.ToJsonString());
        Assert.Equal(2, await VersionAsync(asha, id));
    }

    private static async Task<int> VersionAsync(ApiClient client, string id) =>
        ApiClient.Version(await ApiClient.ExpectAsync(await client.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK));

    private static async Task<string[]> MyCaseIdsAsync(ApiClient client)
    {
        var list = await ApiClient.ExpectAsync(await client.GetAsync("/api/cases?view=mine&limit=200"), HttpStatusCode.OK);
        return [.. list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>())];
    }
}
