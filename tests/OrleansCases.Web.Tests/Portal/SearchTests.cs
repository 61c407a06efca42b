using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;
using OrleansCases.Web.Tests.Support;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>
/// Finding a patient (issue 12): a CHW searches by part of a patient ID, in any case, and opens what she finds; an
/// ASHA about to open a second case for a patient with an open one is warned first, and can still create it.
/// </summary>
[Collection(PortalGroup.Name)]
[Trait("Category", "Browser")]
public sealed class SearchTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_chw_finds_a_patient_by_part_of_the_id_and_opens_the_case()
    {
        await using var portal = new PortalSession(fixture.Browser);
        var asha = await portal.SignInAsync(fixture.Web.Address, "asha.north");
        var chw = await portal.SignInAsync(fixture.Web.Address, "chw.north", width: 360, height: 740);
        var patient = Patients.New();
        var other = Patients.New();
        await asha.CreateCaseAsync(patient);
        await asha.CreateCaseAsync(other);

        var search = chw.Page.GetByRole(AriaRole.Search);
        await search.GetByLabel("Patient ID").FillAsync(patient[..8].ToLowerInvariant());
        await search.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        var found = chw.Panel("Patients found");
        await Expect(found.Locator(".ref")).ToHaveTextAsync([patient]);
        await chw.OpenCaseAsync(patient, "Patients found");
        await Expect(chw.Detail.Locator("dd").Filter(new() { HasTextString = "Asha (north)" })).ToBeVisibleAsync();
        portal.AssertNoUnexpectedConsoleErrors();
    }

    [Fact]
    public async Task A_second_open_case_for_a_patient_is_warned_before_it_is_created()
    {
        await using var portal = new PortalSession(fixture.Browser);
        var asha = await portal.SignInAsync(fixture.Web.Address, "asha.north", width: 360, height: 740);
        var patient = Patients.New();
        await asha.CreateCaseAsync(patient);

        var form = asha.Panel("New case");
        await form.GetByLabel("Patient ID").FillAsync(patient.ToLowerInvariant());
        await form.GetByLabel("What is the problem?").FillAsync("Cough");
        var save = form.GetByRole(AriaRole.Button, new() { Name = "Save only", Exact = true });
        await save.ClickAsync();

        await Expect(form.Locator("#new-duplicate")).ToContainTextAsync($"{patient} already has an open case (New).");
        await Expect(form.GetByLabel("Patient ID")).ToHaveValueAsync(patient.ToLowerInvariant());
        await Expect(asha.CaseRow(patient, "My cases")).ToHaveCountAsync(1);

        // A new problem: the second press creates it.
        await save.ClickAsync();
        await Expect(asha.Toast($"{patient.ToLowerInvariant()} was saved.")).ToBeVisibleAsync();
        await Expect(asha.CaseRow(patient, "My cases")).ToHaveCountAsync(2); // HasTextString ignores case
        await Expect(form.Locator("#new-duplicate")).ToBeHiddenAsync();
        portal.AssertNoUnexpectedConsoleErrors();
    }
}
