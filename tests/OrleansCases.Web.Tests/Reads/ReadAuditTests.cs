using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Reads;

/// <summary>
/// Seen receipts and the read audit over two silos and two web instances (docs/design.md section 10): every read of a
/// case's detail, by GET or WatchCase on either instance, is in its audit with who, role, when and how; the audit is
/// for admins (403 for other readers, 404 for anyone else); a clinician's first read is seen once and told to the owner
/// live; and no read changes the case's version or adds to the feed.
/// </summary>
[Trait("Category", "Web")]
public sealed class ReadAuditTests(TwoSilosTwoWebsFixture fixture) : IClassFixture<TwoSilosTwoWebsFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Every_read_on_both_instances_is_audited_and_a_clinicians_first_is_seen_once_and_told_to_the_owner()
    {
        using var asha = await ApiClient.SignInAsync(fixture.A.Address, "asha.north");
        var id = ApiClient.Id(await asha.CreateAsync(Patients.New()));
        await asha.DoAsync(id, "forward");
        var owner = await LiveClient.SignInAsync(fixture.B.Address, "asha.north");
        var clinicianLive = await LiveClient.SignInAsync(fixture.B.Address, "clinician.north");
        try
        {
            var feedHead = (await ApiClient.ExpectAsync(await asha.GetAsync("/api/feed"), HttpStatusCode.OK))["nextCursor"]!.GetValue<string>();
            using var clinicianOnA = await ApiClient.SignInAsync(fixture.A.Address, "clinician.north");
            using var chwOnB = await ApiClient.SignInAsync(fixture.B.Address, "chw.north");

            // A page filling in a toast for another clinician (background: audited, no "seen"); a clinician's first read
            // (GET on A), then the same clinician again (WatchCase on B), then a CHW (GET on B).
            using var clinician2 = await ApiClient.SignInAsync(fixture.A.Address, "clinician2.north");
            var behind = await ApiClient.ExpectAsync(await clinician2.GetAsync($"/api/cases/{id}?background=true"), HttpStatusCode.OK);
            Assert.Empty(behind["seenBy"]!.AsArray());
            var first = await ApiClient.ExpectAsync(await clinicianOnA.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);
            var seen = await owner.WaitForSeenAsync(id, "clinician.north", Timeout);
            var watched = await clinicianLive.Connection.InvokeAsync<JsonElement>("WatchCase", id);
            var byChw = await ApiClient.ExpectAsync(await chwOnB.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);

            Assert.Equal("Clinician (north)", seen.GetProperty("name").GetString());
            var seenBy = first["seenBy"]!.AsArray().Single()!;
            Assert.Equal(("clinician.north", "Clinician (north)"), (seenBy["id"]!.GetValue<string>(), seenBy["name"]!.GetValue<string>()));
            Assert.Equal(seenBy["at"]!.GetValue<string>(), seen.GetProperty("at").GetString());
            Assert.Equal([seenBy["at"]!.GetValue<string>()], watched.GetProperty("seenBy").EnumerateArray().Select(s => s.GetProperty("at").GetString()));
            Assert.Single(byChw["seenBy"]!.AsArray());

            // Admin, on either instance: four reads, newest first, each with its role and path.
            using var admin = await ApiClient.SignInAsync(fixture.B.Address, "admin");
            var audit = await ApiClient.ExpectAsync(await admin.GetAsync($"/api/cases/{id}/reads"), HttpStatusCode.OK);
            var reads = audit["items"]!.AsArray().Select(r => r!.AsObject()).ToList();
            Assert.Equal(
                [("chw.north", "chw", "api"), ("clinician.north", "clinician", "hub"), ("clinician.north", "clinician", "api"), ("clinician2.north", "clinician", "api")],
                reads.Select(r => (r["userId"]!.GetValue<string>(), r["role"]!.GetValue<string>(), r["via"]!.GetValue<string>())));
            Assert.Equal("CHW (north)", reads[0]["name"]!.GetValue<string>());
            Assert.True(audit["nextCursor"] is null);

            // Listing the audit is no read of the case, and no read changed the version or added to the feed.
            var again = await ApiClient.ExpectAsync(await admin.GetAsync($"/api/cases/{id}/reads"), HttpStatusCode.OK);
            Assert.Equal(4, again["items"]!.AsArray().Count);
            Assert.Equal(2, ApiClient.Version(byChw));
            var feed = await ApiClient.ExpectAsync(await asha.GetAsync($"/api/feed?after={Uri.EscapeDataString(feedHead)}"), HttpStatusCode.OK);
            Assert.DoesNotContain(feed["items"]!.AsArray(), i => i!["caseId"]!.GetValue<string>() == id);

            // The second read was seen already: the owner was told once.
            await owner.WaitForAsync(ApiClient.Id(await asha.CreateAsync(Patients.New())), 1);
            Assert.Single(owner.SeenReceipts, s => s.GetProperty("caseId").GetString() == id);
        }
        finally
        {
            await owner.DisposeAsync();
            await clinicianLive.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("asha.north", HttpStatusCode.Forbidden)]
    [InlineData("chw.north", HttpStatusCode.Forbidden)]
    [InlineData("clinician.north", HttpStatusCode.Forbidden)]
    [InlineData("asha2.north", HttpStatusCode.NotFound)]
    [InlineData("chw.south", HttpStatusCode.NotFound)]
    public async Task Only_admins_list_the_audit_and_whoever_may_not_read_the_case_learns_nothing(string userId, HttpStatusCode expected)
    {
        using var asha = await ApiClient.SignInAsync(fixture.A.Address, "asha.north");
        var id = ApiClient.Id(await asha.CreateAsync(Patients.New()));
        using var user = await ApiClient.SignInAsync(fixture.B.Address, userId);

        var refused = await user.GetAsync($"/api/cases/{id}/reads");

        Assert.Equal(expected, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.DoesNotContain("asha.north", body, StringComparison.Ordinal);
        using var admin = await ApiClient.SignInAsync(fixture.A.Address, "admin");
        var audit = await ApiClient.ExpectAsync(await admin.GetAsync($"/api/cases/{id}/reads"), HttpStatusCode.OK);
        Assert.Empty(audit["items"]!.AsArray());
    }

    [Fact]
    public async Task The_audit_pages_newest_first_and_refuses_a_cursor_it_did_not_make()
    {
        using var asha = await ApiClient.SignInAsync(fixture.A.Address, "asha.north");
        var id = ApiClient.Id(await asha.CreateAsync(Patients.New()));
        for (var i = 0; i < 5; i++)
        {
            await ApiClient.ExpectAsync(await asha.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);
        }

        using var admin = await ApiClient.SignInAsync(fixture.B.Address, "admin");
        var times = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ApiClient.ExpectAsync(
                await admin.GetAsync($"/api/cases/{id}/reads?limit=2{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}"), HttpStatusCode.OK);
            times.AddRange(page["items"]!.AsArray().Select(r => r!["at"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal((5, 3), (times.Count, pages));
        Assert.Equal(times.OrderDescending(StringComparer.Ordinal), times);
        var bad = await admin.GetAsync($"/api/cases/{id}/reads?cursor=x%27%20or%20true");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/cases/{id}/reads?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/cases/{id}?background=maybe")).StatusCode);
    }
}
