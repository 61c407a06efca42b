using System.Net;
using System.Text.Json;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Escalation;

/// <summary>
/// Escalations over two silos and two web instances (docs/design.md section 10), emergency cases escalating every two
/// seconds: the system's transition reaches exactly its audience (owner, the region's clinicians and CHWs, admins) on
/// both instances, with its level, and is in the case's history and the feed; no user can escalate.
/// </summary>
[Trait("Category", "Web")]
public sealed class EscalationTests(EscalatingTwoSilosFixture fixture) : IClassFixture<EscalatingTwoSilosFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task An_escalation_reaches_exactly_its_audience_on_both_instances_and_is_in_history_and_feed()
    {
        using var asha = await ApiClient.SignInAsync(fixture.A.Address, "asha.north");
        using var chwApi = await ApiClient.SignInAsync(fixture.B.Address, "chw.north");
        var owner = await LiveClient.SignInAsync(fixture.B.Address, "asha.north");
        var clinician = await LiveClient.SignInAsync(fixture.A.Address, "clinician.north");
        var clinician2 = await LiveClient.SignInAsync(fixture.B.Address, "clinician2.north");
        var chw = await LiveClient.SignInAsync(fixture.B.Address, "chw.north");
        var admin = await LiveClient.SignInAsync(fixture.A.Address, "admin");
        var otherAsha = await LiveClient.SignInAsync(fixture.A.Address, "asha2.north");
        var southChw = await LiveClient.SignInAsync(fixture.B.Address, "chw.south");
        var southClinician = await LiveClient.SignInAsync(fixture.A.Address, "clinician.south");
        LiveClient[] audience = [owner, clinician, clinician2, chw, admin];
        LiveClient[] others = [otherAsha, southChw, southClinician];
        try
        {
            var cursor = (await ApiClient.ExpectAsync(await chwApi.GetAsync("/api/feed"), HttpStatusCode.OK))["nextCursor"]!.GetValue<string>();
            var id = ApiClient.Id(await asha.CreateAsync(Patients.New(), priority: "emergency"));
            var forwarded = await asha.DoAsync(id, "forward");
            Assert.Equal(0, forwarded["escalationLevel"]!.GetValue<int>());
            Assert.False(string.IsNullOrEmpty(forwarded["waitingSince"]!.GetValue<string>()));

            foreach (var client in audience)
            {
                var escalated = await client.WaitForAsync(id, 3);
                Assert.Equal(
                    ("escalate", "system", "ForwardedToClinician", "ForwardedToClinician", 1),
                    (escalated.GetProperty("action").GetString(), escalated.GetProperty("updatedBy").GetString(), escalated.GetProperty("status").GetString(),
                     escalated.GetProperty("previousStatus").GetString(), escalated.GetProperty("escalationLevel").GetInt32()));
            }

            using var clinicianApi = await ApiClient.SignInAsync(fixture.A.Address, "clinician.north");
            var claimed = await clinicianApi.DoAsync(id, "claim");
            Assert.Equal((0, JsonValueKind.Null), (claimed["escalationLevel"]!.GetValue<int>(), claimed["waitingSince"]?.GetValueKind() ?? JsonValueKind.Null));

            // In the history, by the system, with its level; and in the feed, after the forward and before the claim.
            var stored = await ApiClient.ExpectAsync(await chwApi.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);
            var first = stored["history"]!.AsArray().Single(h => h!["version"]!.GetValue<int>() == 3)!;
            Assert.Equal(("escalate", "system", 1), (first["action"]!.GetValue<string>(), first["by"]!.GetValue<string>(), first["level"]!.GetValue<int>()));
            var feed = await ApiClient.ExpectAsync(await chwApi.GetAsync($"/api/feed?after={Uri.EscapeDataString(cursor)}"), HttpStatusCode.OK);
            var items = feed["items"]!.AsArray().Select(i => i!.AsObject()).Where(i => i["caseId"]!.GetValue<string>() == id).ToList();
            var versions = ApiClient.Version(claimed);
            Assert.Equal(Enumerable.Range(1, versions), items.Select(i => i["version"]!.GetValue<int>()));
            Assert.Equal(["create", "forward", .. Enumerable.Repeat("escalate", versions - 3), "claim"], items.Select(i => i["action"]!.GetValue<string>()));
            Assert.Equal(Enumerable.Range(1, versions - 3), items.Where(i => i["action"]!.GetValue<string>() == "escalate").Select(i => i["escalationLevel"]!.GetValue<int>()));

            // Everyone else: a later event each of them receives arrives after anything sent before it.
            using var asha2 = await ApiClient.SignInAsync(fixture.B.Address, "asha2.north");
            await otherAsha.WaitForAsync(ApiClient.Id(await asha2.CreateAsync(Patients.New())), 1);
            using var southAsha = await ApiClient.SignInAsync(fixture.A.Address, "asha.south");
            var south = ApiClient.Id(await southAsha.CreateAsync(Patients.New()));
            await southAsha.DoAsync(south, "forward");
            await southChw.WaitForAsync(south, 2);
            await southClinician.WaitForAsync(south, 2);
            foreach (var client in others)
            {
                Assert.Empty(client.VersionsOf(id));
            }
        }
        finally
        {
            foreach (var client in audience.Concat(others))
            {
                await client.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData("asha.north", HttpStatusCode.Forbidden)]
    [InlineData("chw.north", HttpStatusCode.Forbidden)]
    [InlineData("clinician.north", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    [InlineData("chw.south", HttpStatusCode.NotFound)]
    public async Task No_user_may_escalate_and_the_refusal_changes_nothing(string userId, HttpStatusCode expected)
    {
        // A routine case never escalates by itself here: what the test sees is only what the user did.
        using var asha = await ApiClient.SignInAsync(fixture.A.Address, "asha.north");
        var id = ApiClient.Id(await asha.CreateAsync(Patients.New()));
        await asha.DoAsync(id, "forward");
        using var user = await ApiClient.SignInAsync(fixture.B.Address, userId);

        var refused = await user.ActAsync(id, "escalate", new { commandId = Guid.NewGuid().ToString("N") });

        Assert.Equal(expected, refused.StatusCode);
        var after = await ApiClient.ExpectAsync(await asha.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);
        Assert.Equal((2, 0), (ApiClient.Version(after), after["escalationLevel"]!.GetValue<int>()));
        Assert.DoesNotContain("escalate", after["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));
    }
}
