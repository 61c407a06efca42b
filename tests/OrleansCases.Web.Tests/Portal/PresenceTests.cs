using Xunit;
using static Microsoft.Playwright.Assertions;
using OrleansCases.Web.Tests.Support;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>
/// Presence and viewers in the portal (issue 13): where an ASHA picks a doctor she sees who is online, and on her case
/// that its doctor is reviewing it right now, for as long as the doctor has it open.
/// </summary>
[Collection(PortalGroup.Name)]
[Trait("Category", "Browser")]
public sealed class PresenceTests(PortalFixture fixture)
{
    [Fact]
    public async Task An_asha_sees_which_doctor_is_online_and_that_hers_is_reviewing_her_case_now()
    {
        await using var portal = new PortalSession(fixture.Browser);
        var clinician = await portal.SignInAsync(fixture.Web.Address, "clinician.north");
        await Expect(clinician.LiveState).ToHaveAttributeAsync("data-state", "connected");
        var asha = await portal.SignInAsync(fixture.Web.Address, "asha.north");

        // Where she picks a doctor: the connected clinician is online, by name.
        await asha.OpenCreateFormAsync();
        var form = asha.Panel("New case");
        await Expect(form.GetByLabel("Send to").Locator("option[value='clinician.north']")).ToHaveTextAsync("Clinician (north) · online now");
        await Expect(form.Locator("p.presence")).ToContainTextAsync("Doctors online now:");
        await Expect(form.Locator("p.presence")).ToContainTextAsync("Clinician (north)");

        var patient = Patients.New();
        await asha.CreateAndSendAsync(patient, "urgent");
        await clinician.OpenCaseAsync(patient, "Review queue");
        await clinician.ActAsync("Start review");

        // Her case page says the doctor has it open now; it goes when the doctor leaves it.
        var viewers = asha.Detail.Locator("p.viewers");
        await Expect(viewers).ToHaveTextAsync("Clinician (north) is reviewing this case now.");
        await clinician.BackToListsAsync();
        await Expect(viewers).ToBeHiddenAsync();
        portal.AssertNoUnexpectedConsoleErrors();
    }
}
