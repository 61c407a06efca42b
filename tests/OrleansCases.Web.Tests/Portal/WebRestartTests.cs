using OrleansCases.Web.Tests.Support;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>
/// The web process dies and comes back while a page is open, and the case changes meanwhile through another web
/// instance: the page reconnects by itself, catches up, and shows the stored state (issue 4, acceptance 1).
/// </summary>
[Collection(PortalGroup.Name)]
[Trait("Category", "Browser")]
public sealed class WebRestartTests(PortalFixture fixture)
{
    [Fact]
    public async Task The_page_reconnects_by_itself_after_a_web_restart_and_shows_what_changed_meanwhile()
    {
        // The clinician works on a second instance, which stays up.
        await using var other = await WebProcess.StartAsync(fixture.ServiceId, fixture.GatewayPort);
        await using var portal = new PortalSession(fixture.Browser);
        var asha = await portal.SignInAsync(fixture.Web.Address, "asha.north");
        var clinician = await portal.SignInAsync(other.Address, "clinician.north");
        var patient = Patients.New();
        await asha.CreateAndSendAsync(patient, "urgent");
        await asha.BackToListsAsync();
        await clinician.OpenCaseAsync(patient, "Review queue");
        await asha.MarkPageAsync();
        asha.AnnounceServerDown();

        await fixture.Web.KillAsync();
        try
        {
            await Expect(asha.LiveState).Not.ToHaveAttributeAsync("data-state", "connected");
            await clinician.ActAsync("Start review");
            await clinician.ActAsync("Refer", ("Facility", "District Hospital North"));
        }
        finally
        {
            await fixture.Web.StartAsync();
        }

        // Back-off is capped at 30 s; the page retries on its own, with no click and no reload.
        await Expect(asha.LiveState).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 60_000 });
        await Expect(asha.CaseRow(patient, "My cases")).ToContainTextAsync("Referred");
        await Expect(asha.Toast($"Your case {patient}: Referred")).ToBeVisibleAsync();
        Assert.False(await asha.WasReloadedAsync());
        // The session survived the restart: the new process reads the same Data Protection keys.
        await asha.OpenCaseAsync(patient);
        await Expect(asha.Detail).ToContainTextAsync("District Hospital North");
        await asha.ActAsync("Mark done", ("Note (optional)", "Back from the district hospital"));
        portal.AssertNoUnexpectedConsoleErrors();
    }
}
