using OrleansCases.Web.Tests.Support;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>
/// Escalation and seen receipts in the portal (docs/design.md section 10): a case nobody takes is marked and pinned at
/// the top of the clinicians' queue, above a fresher emergency; its escalation toasts on the open clinician page, naming
/// the case, and the toast opens it; its ASHA is told too, and her page says "seen by" once the clinician has it open.
/// </summary>
[Collection(PortalGroup.Name)]
[Trait("Category", "Browser")]
public sealed class EscalationTests(EscalatingPortalFixture fixture) : IClassFixture<EscalatingPortalFixture>
{
    [Fact]
    public async Task An_unclaimed_case_escalates_on_the_open_clinician_page_with_a_toast_that_opens_it_and_the_ASHA_sees_it_seen()
    {
        await using var portal = new PortalSession(fixture.Browser);
        var clinician = await portal.SignInAsync(fixture.Web.Address, "clinician.north");
        var asha = await portal.SignInAsync(fixture.Web.Address, "asha.north", width: 360, height: 740);
        var urgent = Patients.New();
        var emergency = Patients.New();

        // The urgent case waits past its delay: marked, and it stays above an emergency sent after it.
        await asha.CreateAndSendAsync(urgent, "urgent");
        await Expect(clinician.Toast($"Urgent: {urgent} is still waiting for a doctor")).ToBeVisibleAsync();
        await asha.BackToListsAsync();
        await asha.CreateAndSendAsync(emergency, "emergency");
        var queue = clinician.Panel("Review queue");
        await Expect(queue.Locator("button.case-link .ref")).ToHaveTextAsync([urgent, emergency]);
        await Expect(clinician.CaseRow(urgent, "Review queue").Locator(".badge.escalated")).ToContainTextAsync("Escalated");
        await Expect(clinician.CaseRow(emergency, "Review queue").Locator(".badge.escalated")).ToHaveCountAsync(0);

        // Another doctor takes the urgent one (its escalations end); nobody takes the emergency.
        using var colleague = await ApiClient.SignInAsync(fixture.Web.Address, "clinician2.north");
        await colleague.DoAsync((await clinician.CaseRow(urgent, "Review queue").GetAttributeAsync("data-case-id"))!, "claim");
        var toast = clinician.Toast($"Emergency: {emergency} is still waiting for a doctor");
        await Expect(toast).ToBeVisibleAsync();
        await Expect(asha.Toast($"No doctor has taken your case {emergency} yet")).ToBeVisibleAsync();
        await Expect(asha.Detail.Locator(".case-seen")).ToBeHiddenAsync();

        await toast.ClickAsync();
        await Expect(clinician.Page.Locator("#detail-title")).ToHaveTextAsync($"Case {emergency}");
        await Expect(clinician.Detail.Locator(".badge.escalated")).ToContainTextAsync("Escalated");
        await Expect(clinician.Detail.Locator("ol.history")).ToContainTextAsync("No doctor yet: escalated");
        await Expect(clinician.Detail.Locator("ol.history")).ToContainTextAsync("by the system (automatic alert)");
        await Expect(clinician.Detail).ToContainTextAsync("for a doctor since");

        // The ASHA's open page of that case: who has seen it, told live, and a toast that says so.
        await Expect(asha.Detail.Locator(".case-seen")).ToContainTextAsync("Seen by Clinician (north), ");
        await Expect(asha.Toast($"Clinician (north) opened your case {emergency}.")).ToBeVisibleAsync();
        await asha.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await asha.Page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.OutputDirectory, "seen-by-360.png") });
        portal.AssertNoUnexpectedConsoleErrors();
    }
}
