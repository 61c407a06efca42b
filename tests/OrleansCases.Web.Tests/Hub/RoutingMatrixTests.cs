using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Hub;

/// <summary>
/// docs/design.md section 3, end to end: one case taken through every action, every demo user connected over WebSockets,
/// and each receives exactly the events its groups entitle it to, in version order, once each, and nothing else.
/// </summary>
[Trait("Category", "Web")]
public sealed class RoutingMatrixTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private static readonly string[] _everyone =
        ["asha.north", "asha2.north", "chw.north", "clinician.north", "clinician2.north", "asha.south", "chw.south", "clinician.south", "admin"];

    [Fact]
    public async Task Each_user_receives_exactly_the_events_of_a_case_their_groups_entitle_them_to()
    {
        var live = new Dictionary<string, LiveClient>();
        foreach (var user in _everyone)
        {
            live[user] = await LiveClient.ConnectAsync(fixture.A, user);
        }

        try
        {
            var events = await TakeOneCaseThroughEveryActionAsync();
            var caseId = events[0].CaseId;

            // Sentinels, one per user who expects nothing more: anything of the case would have arrived before them.
            using var asha2 = new ApiClient(fixture.A, "asha2.north");
            var northSentinel = ApiClient.Id(await asha2.CreateAsync());
            using var ashaSouth = new ApiClient(fixture.A, "asha.south");
            var southSentinel = ApiClient.Id(await ashaSouth.CreateAsync());
            await ashaSouth.DoAsync(southSentinel, "forward");

            foreach (var user in _everyone)
            {
                var client = live[user];
                var expected = events.Where(e => Entitled(user, e)).Select(e => e.Version).ToArray();
                foreach (var version in expected)
                {
                    await client.WaitForAsync(caseId, version);
                }

                if (user is "asha2.north" or "chw.north" or "admin")
                {
                    await client.WaitForAsync(northSentinel, 1);
                }

                if (user.EndsWith(".south", StringComparison.Ordinal) || user == "admin")
                {
                    await client.WaitForAsync(southSentinel, 2);
                }

                Assert.Equal(expected, client.VersionsOf(caseId));
            }

            Assert.All(
                _everyone.Where(u => u.EndsWith(".south", StringComparison.Ordinal)),
                u => Assert.DoesNotContain(live[u].Received, e => e.GetProperty("region").GetString() == "north"));
        }
        finally
        {
            foreach (var client in live.Values)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>The routing rule, written from docs/design.md section 3 independently of the code under test.</summary>
    private static bool Entitled(string user, Step e) =>
        user == "admin" || user == "chw.north" || user == "asha.north" /* owner */
        || user == e.AssigneeId || user == e.PreviousAssigneeId
        || (user is "clinician.north" or "clinician2.north" && (e.Status == "ForwardedToClinician" || e.PreviousStatus == "ForwardedToClinician"));

    private async Task<IReadOnlyList<Step>> TakeOneCaseThroughEveryActionAsync()
    {
        using var asha = new ApiClient(fixture.A, "asha.north");
        using var chw = new ApiClient(fixture.A, "chw.north");
        using var clinician = new ApiClient(fixture.A, "clinician.north");
        using var admin = new ApiClient(fixture.A, "admin");
        var created = await asha.CreateAsync("P-ROUTE", "urgent");
        var id = ApiClient.Id(created);
        var steps = new List<Step> { Step.Of(created) };
        steps.Add(Step.Of(await asha.DoAsync(id, "forward", new { assignTo = "clinician2.north" }), steps[^1]));
        steps.Add(Step.Of(await chw.DoAsync(id, "assign", new { assignTo = "clinician.north" }), steps[^1]));
        steps.Add(Step.Of(await clinician.DoAsync(id, "claim"), steps[^1]));
        steps.Add(Step.Of(await clinician.DoAsync(id, "request-info", new { note = "Any rash?" }), steps[^1]));
        steps.Add(Step.Of(await asha.DoAsync(id, "resubmit", new { note = "No rash" }), steps[^1]));
        steps.Add(Step.Of(await clinician.DoAsync(id, "refer", new { facility = "District Hospital" }), steps[^1]));
        steps.Add(Step.Of(await asha.DoAsync(id, "complete", new { note = "Admitted" }), steps[^1]));
        steps.Add(Step.Of(await admin.DoAsync(id, "reopen", new { reason = "Readmitted" }), steps[^1]));
        steps.Add(Step.Of(await clinician.DoAsync(id, "complete"), steps[^1]));
        steps.Add(Step.Of(await admin.DoAsync(id, "reopen", new { reason = "Second opinion" }), steps[^1]));
        steps.Add(Step.Of(await clinician.DoAsync(id, "release", new { note = "Handing over" }), steps[^1]));
        steps.Add(Step.Of(await chw.DoAsync(id, "cancel", new { reason = "Moved away" }), steps[^1]));
        Assert.Equal(Enumerable.Range(1, 13), steps.Select(s => s.Version));
        return steps;
    }

    private sealed record Step(string CaseId, int Version, string Status, string? PreviousStatus, string? AssigneeId, string? PreviousAssigneeId)
    {
        public static Step Of(System.Text.Json.Nodes.JsonObject c, Step? before = null) => new(
            ApiClient.Id(c), ApiClient.Version(c), c["status"]!.GetValue<string>(), before?.Status,
            c["assigneeId"]?.GetValue<string>(), before?.AssigneeId);
    }
}
