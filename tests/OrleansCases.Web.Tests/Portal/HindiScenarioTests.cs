using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;
using OrleansCases.Web.Tests.Support;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>
/// The whole ASHA → clinician scenario in Hindi (issue 12): the ASHA on a phone (360 px) creates a case and sends it to
/// the doctor in one form; the clinician at a desk (1280 px) starts the review and asks a question; the ASHA reads the
/// question in its toast and above the reply box, and answers; the clinician completes it. Every word on both pages
/// comes from the Hindi catalog (no English left but names and data), and Devanagari is drawn in the served Noto font.
/// </summary>
[Collection(PortalGroup.Name)]
[Trait("Category", "Browser")]
public sealed class HindiScenarioTests(PortalFixture fixture)
{
    private const string Hindi = "hi";

    private static string T(string key, params (string Name, string Value)[] values) => PortalCatalog.Text(Hindi, key, values);

    [Fact]
    public async Task An_asha_and_a_clinician_work_a_case_through_in_hindi()
    {
        await using var portal = new PortalSession(fixture.Browser);
        var asha = await portal.SignInAsync(fixture.Web.Address, "asha.north", width: 360, height: 740, language: Hindi);
        var clinician = await portal.SignInAsync(fixture.Web.Address, "clinician.north", language: Hindi);
        var patient = Patients.New();
        const string Summary = "तीन दिन से बुखार और खाँसी";
        const string Question = "क्या बच्चे को दस्त भी है?";
        const string Answer = "नहीं, दस्त नहीं है। बुखार 102 है।";

        // The ASHA: create and send to the doctor, in one form.
        var create = asha.Panel(T("create.title"));
        await create.GetByRole(AriaRole.Button, new() { Name = T("create.title"), Exact = true }).ClickAsync();
        await create.GetByLabel(T("create.patient")).FillAsync(patient);
        await create.GetByLabel(T("create.summary")).FillAsync(Summary);
        await create.GetByLabel(T("create.priority")).SelectOptionAsync("urgent");
        await create.GetByRole(AriaRole.Button, new() { Name = T("create.submitAndSend"), Exact = true }).ClickAsync();
        await Expect(asha.CaseRow(patient, T("list.mine"))).ToContainTextAsync(T("status.ForwardedToClinician"));

        // The clinician: the case is in the queue, named in the toast; start the review, ask a question.
        await Expect(clinician.Toast(T("toast.queue", ("priority", T("priority.urgent")), ("patient", patient)))).ToBeVisibleAsync();
        await clinician.CaseRow(patient, T("list.queue")).ClickAsync();
        await Expect(clinician.Page.Locator("#detail-title")).ToHaveTextAsync(T("detail.title", ("patient", patient)));
        await Expect(clinician.Detail.Locator(".summary").First).ToHaveTextAsync(Summary);
        await ActAsync(clinician, "claim");
        await ActAsync(clinician, "request-info", (T("field.question"), Question));

        // The ASHA: the question comes in its toast; a tap opens the case with the question above the reply box.
        var toast = asha.Toast(T("toast.question", ("by", PortalUser.NameOf("clinician.north")), ("patient", patient), ("question", Question)));
        await Expect(toast).ToBeVisibleAsync();
        await toast.GetByRole(AriaRole.Button, new() { Name = T("toast.question", ("by", PortalUser.NameOf("clinician.north")), ("patient", patient), ("question", Question)) }).ClickAsync();
        await Expect(asha.Page.Locator("#detail-title")).ToHaveTextAsync(T("detail.title", ("patient", patient)));
        await Expect(asha.Detail.Locator(".question")).ToContainTextAsync(Question);
        await Expect(asha.Detail.Locator(".question")).ToContainTextAsync(T("detail.question", ("by", PortalUser.NameOf("clinician.north"))));
        await asha.AssertOnlyHindiAsync(patient);
        await ActAsync(asha, "resubmit", (T("field.answer"), Answer));

        // The clinician sees the answer arrive on the open case, and completes it.
        await Expect(clinician.Detail.Locator("ol.history")).ToContainTextAsync(Answer);
        await ActAsync(clinician, "complete");
        await Expect(clinician.Detail.Locator("dd.doctor")).ToHaveTextAsync(PortalUser.NameOf("clinician.north"));
        await clinician.AssertOnlyHindiAsync(patient);

        await asha.Page.Locator("#detail-title").FocusAsync();
        await asha.BackToListsAsync(T("detail.back"));
        await Expect(asha.CaseRow(patient, T("list.mine"))).ToContainTextAsync(T("status.Completed"));
        await asha.AssertOnlyHindiAsync(patient);

        // Devanagari is drawn in the font the portal serves, not left to the phone.
        Assert.True(await asha.Page.EvaluateAsync<bool>(
            "async () => { await document.fonts.ready; return [...document.fonts].some(f => f.family.includes('Noto Sans Devanagari') && f.status === 'loaded'); }"));
        portal.AssertNoUnexpectedConsoleErrors();
    }

    private static async Task ActAsync(PortalUser user, string action, params (string Label, string Value)[] fields)
    {
        var entries = user.Detail.Locator("ol.history li");
        var before = await entries.CountAsync();
        await user.Detail.GetByRole(AriaRole.Button, new() { Name = T($"action.{action}"), Exact = true }).ClickAsync();
        foreach (var (label, value) in fields)
        {
            await user.Detail.GetByLabel(label).FillAsync(value);
        }

        await user.Detail.GetByRole(AriaRole.Button, new() { Name = T("detail.confirm", ("action", T($"action.{action}"))), Exact = true }).ClickAsync();
        await Expect(entries).ToHaveCountAsync(before + 1);
    }

}
