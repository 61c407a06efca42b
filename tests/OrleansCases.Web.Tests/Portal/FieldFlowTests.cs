using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;
using OrleansCases.Web.Tests.Support;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>
/// The phone-first flow of issue 12: a note being typed survives another clinician's claim, the toast never lies over
/// the focused control, the queue is worked emergency first with a priority filter, and each user of a shared phone
/// keeps their own language.
/// </summary>
[Collection(PortalGroup.Name)]
[Trait("Category", "Browser")]
public sealed class FieldFlowTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_typed_note_survives_a_concurrent_claim_with_a_line_saying_what_changed()
    {
        await using var portal = new PortalSession(fixture.Browser);
        var asha = await portal.SignInAsync(fixture.Web.Address, "asha.north");
        var first = await portal.SignInAsync(fixture.Web.Address, "clinician.north");
        var second = await portal.SignInAsync(fixture.Web.Address, "clinician2.north", width: 360, height: 740);
        var patient = Patients.New();
        await asha.CreateAndSendAsync(patient);
        await first.OpenCaseAsync(patient, "Review queue");
        await second.OpenCaseAsync(patient, "Review queue");

        const string Note = "Calling the family first, then";
        await second.PrepareAsync("Start review", ("Note (optional)", Note));
        await first.ActAsync("Start review");

        var form = second.Detail.Locator("form[data-action=claim]");
        await Expect(form.Locator(".changed")).ToContainTextAsync("This case changed meanwhile: now Doctor is reviewing (by Clinician (north)).");
        await Expect(form.GetByLabel("Note (optional)")).ToHaveValueAsync(Note);
        await Expect(form.GetByLabel("Note (optional)")).ToBeFocusedAsync();
        await Expect(form.GetByRole(AriaRole.Button, new() { Name = "Confirm: Start review" })).ToBeDisabledAsync();
        await Expect(second.Detail.Locator("dd.doctor")).ToHaveTextAsync("Clinician (north)");
        portal.AssertNoUnexpectedConsoleErrors();
    }

    [Fact]
    public async Task A_toast_never_covers_the_focused_control()
    {
        await using var portal = new PortalSession(fixture.Browser);
        var phone = await portal.SignInAsync(fixture.Web.Address, "asha.north", width: 360, height: 740);
        var clinician = await portal.SignInAsync(fixture.Web.Address, "clinician.north");
        var patient = Patients.New();
        await phone.CreateAndSendAsync(patient);
        await phone.BackToListsAsync();

        // The ASHA types a new case, her field just under the header, when the doctor's change comes in.
        await phone.OpenCreateFormAsync();
        var summary = phone.Panel("New case").GetByLabel("What is the problem?");
        await summary.FocusAsync();
        // Her own last toast goes first, so that the doctor's makes the header grow.
        foreach (var close in await phone.Page.Locator("#toasts .toast-close").AllAsync())
        {
            await close.ClickAsync();
        }

        await Expect(phone.Toasts).ToHaveCountAsync(0);
        await summary.FocusAsync();

        // Room below, so that the page can scroll the field right under the header whatever the list holds.
        var gap = await phone.Page.EvaluateAsync<double>("""
            () => {
              document.body.style.paddingBottom = '200vh';
              const bar = document.getElementById('bar');
              window.scrollBy(0, document.activeElement.getBoundingClientRect().top - bar.getBoundingClientRect().bottom - 2);
              return document.activeElement.getBoundingClientRect().top - bar.getBoundingClientRect().bottom;
            }
            """);
        Assert.InRange(gap, 0, 5);
        await clinician.OpenCaseAsync(patient, "Review queue");
        await clinician.ActAsync("Start review");

        await Expect(phone.Toast($"Your case {patient}: Doctor is reviewing")).ToBeVisibleAsync();
        await Expect(summary).ToBeFocusedAsync();
        var clear = await phone.Page.EvaluateAsync<bool>(
            "() => document.activeElement.getBoundingClientRect().top >= document.getElementById('bar').getBoundingClientRect().bottom");
        Assert.True(clear, "the header with its toast lies over the focused field");
        portal.AssertNoUnexpectedConsoleErrors();
    }

    [Fact]
    public async Task The_queue_is_worked_emergency_first_and_filters_by_priority()
    {
        await using var portal = new PortalSession(fixture.Browser);
        var asha = await portal.SignInAsync(fixture.Web.Address, "asha.north");
        var clinician = await portal.SignInAsync(fixture.Web.Address, "clinician.north", width: 360, height: 740);
        var patients = new Dictionary<string, string>();
        foreach (var priority in new[] { "routine", "emergency", "urgent" })
        {
            patients[priority] = Patients.New();
            await asha.CreateAndSendAsync(patients[priority], priority);
            await asha.BackToListsAsync();
        }

        var queue = clinician.Panel("Review queue");
        foreach (var patient in patients.Values)
        {
            await Expect(clinician.CaseRow(patient, "Review queue")).ToBeVisibleAsync();
        }

        var order = (await queue.Locator(".case-link .ref").AllTextContentsAsync()).Where(patients.ContainsValue).ToList();
        Assert.Equal([patients["emergency"], patients["urgent"], patients["routine"]], order);

        await queue.GetByLabel("Priority").SelectOptionAsync("emergency");
        await Expect(clinician.CaseRow(patients["urgent"], "Review queue")).ToHaveCountAsync(0);
        await Expect(clinician.CaseRow(patients["routine"], "Review queue")).ToHaveCountAsync(0);
        await Expect(clinician.CaseRow(patients["emergency"], "Review queue")).ToBeVisibleAsync();
        portal.AssertNoUnexpectedConsoleErrors();
    }

    [Fact]
    public async Task Each_user_of_a_shared_phone_keeps_their_own_language()
    {
        await using var portal = new PortalSession(fixture.Browser);
        var phone = await portal.SignInAsync(fixture.Web.Address, "asha.north", width: 360, height: 740);
        await phone.Page.Locator("#language-bar").SelectOptionAsync("hi");
        await Expect(phone.Panel(PortalCatalog.Text("hi", "list.mine"))).ToBeVisibleAsync();
        await phone.Page.Locator("#sign-out").ClickAsync();

        // The next user has chosen nothing here: she gets the phone's language, and picks English.
        await Expect(phone.Page.Locator("html")).ToHaveAttributeAsync("lang", "hi");
        await phone.SignInHereAsync("asha2.north");
        await Expect(phone.Panel(PortalCatalog.Text("hi", "list.mine"))).ToBeVisibleAsync();
        await phone.Page.Locator("#language-bar").SelectOptionAsync("en");
        await Expect(phone.Panel("My cases")).ToBeVisibleAsync();
        await phone.Page.Locator("#sign-out").ClickAsync();

        // The first one comes back: Hindi again, although the phone was last in English.
        await Expect(phone.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await phone.SignInHereAsync("asha.north");
        await Expect(phone.Panel(PortalCatalog.Text("hi", "list.mine"))).ToBeVisibleAsync();
        await Expect(phone.Page.Locator("html")).ToHaveAttributeAsync("lang", "hi");
        portal.AssertNoUnexpectedConsoleErrors();
    }
}
