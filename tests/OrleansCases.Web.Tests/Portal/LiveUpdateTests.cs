using Xunit;
using static Microsoft.Playwright.Assertions;
using OrleansCases.Web.Tests.Support;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>
/// Pages update in place when someone else changes a case (issue 4, acceptance 1): the prototype's scenario, the
/// other region's silence, and the clinicians' queue. Every user is in a browser context of their own.
/// </summary>
[Collection(PortalGroup.Name)]
[Trait("Category", "Browser")]
public sealed class LiveUpdateTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_clinician_completes_a_case_and_the_ASHAs_open_page_shows_it_with_a_toast_without_reloading()
    {
        await using var portal = new PortalSession(fixture.Browser);
        var asha = await portal.SignInAsync(fixture.Web.Address, "asha.north");
        var clinician = await portal.SignInAsync(fixture.Web.Address, "clinician.north");
        var patient = Patients.New();
        await asha.CreateCaseAsync(patient, "urgent");
        await asha.OpenCaseAsync(patient);
        await asha.ActAsync("Send to doctor", ("Note (optional)", "Please review today"));
        await asha.BackToListsAsync();
        await asha.MarkPageAsync();

        await clinician.OpenCaseAsync(patient, "Review queue");
        await clinician.ActAsync("Start review");
        await clinician.ActAsync("Mark done", ("Note (optional)", "Recovered; no referral needed"));

        await Expect(asha.CaseRow(patient, "My cases")).ToContainTextAsync("Done");
        await Expect(asha.Toast($"Your case {patient}: Done (by Clinician (north)).")).ToBeVisibleAsync();
        Assert.False(await asha.WasReloadedAsync());
        // The open detail of the same case, too: the ASHA opens it and sees the clinician's note in its history.
        await asha.OpenCaseAsync(patient);
        await Expect(asha.Detail.Locator("ol.history")).ToContainTextAsync("Recovered; no referral needed");
        portal.AssertNoUnexpectedConsoleErrors();
    }

    [Fact]
    public async Task Users_of_the_other_region_see_nothing_of_it()
    {
        await using var portal = new PortalSession(fixture.Browser);
        var southChw = await portal.SignInAsync(fixture.Web.Address, "chw.south");
        var southClinician = await portal.SignInAsync(fixture.Web.Address, "clinician.south");
        var northAsha = await portal.SignInAsync(fixture.Web.Address, "asha.north");
        var northClinician = await portal.SignInAsync(fixture.Web.Address, "clinician.north");
        var northPatient = Patients.New();
        await northAsha.CreateAndSendAsync(northPatient, "emergency");
        await northClinician.OpenCaseAsync(northPatient, "Review queue");
        await northClinician.ActAsync("Start review");
        await northClinician.ActAsync("Mark done");

        // A south case made after the north one: once both south pages show it, anything of the north case
        // that was going to reach them would have (events of a region are delivered in order per page).
        var southPatient = Patients.New();
        await southChw.CreateAndSendAsync(southPatient, "emergency");
        await southChw.BackToListsAsync();
        await Expect(southClinician.CaseRow(southPatient, "Review queue")).ToBeVisibleAsync();
        await Expect(southChw.CaseRow(southPatient, "Cases of south")).ToContainTextAsync("Sent to doctor");

        foreach (var south in new[] { southChw, southClinician })
        {
            Assert.DoesNotContain(northPatient, await south.Page.ContentAsync(), StringComparison.Ordinal);
            await Expect(south.CaseRow(northPatient)).ToHaveCountAsync(0);
        }

        // The south clinician was told about the south emergency, never about the north one.
        await Expect(southClinician.Toast($"Emergency: {southPatient} is waiting for review.")).ToBeVisibleAsync();
        portal.AssertNoUnexpectedConsoleErrors();
    }

    [Fact]
    public async Task The_clinicians_queue_gains_a_forwarded_case_and_loses_it_when_another_clinician_claims_it()
    {
        await using var portal = new PortalSession(fixture.Browser);
        var clinician = await portal.SignInAsync(fixture.Web.Address, "clinician.north");
        var other = await portal.SignInAsync(fixture.Web.Address, "clinician2.north");
        var asha = await portal.SignInAsync(fixture.Web.Address, "asha.north");
        var patient = Patients.New();
        await clinician.MarkPageAsync();

        await asha.CreateAndSendAsync(patient, "urgent");

        await Expect(clinician.CaseRow(patient, "Review queue")).ToContainTextAsync("Sent to doctor");
        await Expect(clinician.Toast($"Urgent: {patient} is waiting for review.")).ToBeVisibleAsync();

        await other.OpenCaseAsync(patient, "Review queue");
        await other.ActAsync("Start review");

        await Expect(clinician.CaseRow(patient, "Review queue")).ToHaveCountAsync(0);
        await Expect(clinician.CaseRow(patient, "Assigned to me")).ToHaveCountAsync(0);
        await other.BackToListsAsync();
        await Expect(other.CaseRow(patient, "Assigned to me")).ToContainTextAsync("Doctor is reviewing");
        Assert.False(await clinician.WasReloadedAsync());
        portal.AssertNoUnexpectedConsoleErrors();
    }
}
