using Microsoft.Playwright;
using OrleansCases.Web.Tests.Support;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>
/// A conversation on a case in the portal (issue 13), in English and in Hindi: an ASHA on a phone and her doctor at a
/// desk both have the case open; each sees the other typing, the other's message arrive at the bottom of the thread,
/// and that the other has seen theirs. Her list counts the doctor's message unread until she opens the case.
/// </summary>
[Collection(PortalGroup.Name)]
[Trait("Category", "Browser")]
public sealed class ConversationTests(PortalFixture fixture)
{
    [Theory]
    [InlineData("en")]
    [InlineData("hi")]
    public async Task An_asha_and_her_doctor_converse_on_a_case_both_have_open(string language)
    {
        string T(string key, params (string Name, string Value)[] values) => PortalCatalog.Text(language, key, values);
        var patient = Patients.New();
        using (var owner = await ApiClient.SignInAsync(fixture.Web.Address, "asha.north"))
        {
            var id = ApiClient.Id(await owner.CreateAsync(patient, "urgent"));
            await owner.DoAsync(id, "forward", new { assignTo = "clinician.north" });
        }

        await using var portal = new PortalSession(fixture.Browser);
        var asha = await portal.SignInAsync(fixture.Web.Address, "asha.north", width: 360, height: 740, language: language);
        var clinician = await portal.SignInAsync(fixture.Web.Address, "clinician.north", language: language);
        var title = PortalCatalog.Of(language)["detail.title"];
        await clinician.OpenCaseAsync(patient, T("list.assigned"), title);
        await asha.OpenCaseAsync(patient, T("list.mine"), title);
        var (ashaThread, clinicianThread) = (asha.Detail.Locator("section.conversation"), clinician.Detail.Locator("section.conversation"));
        await Expect(ashaThread.Locator("p.muted").First).ToHaveTextAsync(T("thread.empty"));

        // The doctor writes: she sees him typing, then his message at the bottom of her thread.
        var question = language == "hi" ? "क्या बच्चा पानी पी रहा है?" : "Is the child drinking water?";
        var box = clinicianThread.GetByLabel(T("thread.message"));
        await box.FillAsync(question[..5]);
        await Expect(ashaThread.Locator("p.typing")).ToHaveTextAsync(T("thread.typing", ("names", PortalUser.NameOf("clinician.north"))));
        await box.FillAsync(question);
        await clinicianThread.GetByRole(AriaRole.Button, new() { Name = T("thread.send"), Exact = true }).ClickAsync();
        await Expect(ashaThread.Locator("ol.thread li").Last).ToContainTextAsync(question);
        await Expect(ashaThread.Locator("ol.thread li").Last).ToContainTextAsync(PortalUser.NameOf("clinician.north"));
        await Expect(ashaThread.Locator("p.typing")).ToHaveTextAsync("");

        // Her page had the thread in front of her: the doctor sees she has seen it.
        await Expect(clinicianThread.Locator("p.seen")).ToHaveTextAsync(T("thread.seenBy", ("names", PortalUser.NameOf("asha.north"))));

        // She answers; he sees it arrive, and that she wrote it; she sees he has seen it.
        var answer = language == "hi" ? "हाँ, थोड़ा थोड़ा।" : "Yes, a little at a time.";
        await ashaThread.GetByLabel(T("thread.message")).FillAsync(answer);
        await ashaThread.GetByRole(AriaRole.Button, new() { Name = T("thread.send"), Exact = true }).ClickAsync();
        await Expect(clinicianThread.Locator("ol.thread li").Last).ToContainTextAsync(answer);
        await Expect(clinicianThread.Locator("ol.thread li").Last).ToContainTextAsync(PortalUser.NameOf("asha.north"));
        await Expect(ashaThread.Locator("ol.thread li").Last).ToContainTextAsync(T("thread.you"));
        await Expect(ashaThread.Locator("p.seen")).ToHaveTextAsync(T("thread.seenBy", ("names", PortalUser.NameOf("clinician.north"))));
        await Expect(ashaThread.Locator("ol.thread li")).ToHaveCountAsync(2);
        await ashaThread.ScrollIntoViewIfNeededAsync();
        await asha.Page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.OutputDirectory, $"conversation{(language == "en" ? "" : "-" + language)}-360.png") });

        // Away from the case, a new message from the doctor is counted unread in her list; opening the case reads it.
        await asha.BackToListsAsync(T("detail.back"));
        await clinicianThread.GetByLabel(T("thread.message")).FillAsync("OK");
        await clinicianThread.GetByRole(AriaRole.Button, new() { Name = T("thread.send"), Exact = true }).ClickAsync();
        var unread = asha.CaseRow(patient, T("list.mine")).Locator(".badge.unread");
        await Expect(unread).ToContainTextAsync(T("thread.unread", ("count", "1")));
        await asha.OpenCaseAsync(patient, T("list.mine"), title);
        await Expect(ashaThread.Locator("ol.thread li")).ToHaveCountAsync(3);
        await asha.BackToListsAsync(T("detail.back"));
        await Expect(unread).ToBeHiddenAsync();

        if (language == "hi")
        {
            await asha.AssertOnlyHindiAsync(patient, "OK", "Cough and fever");
            await clinician.AssertOnlyHindiAsync(patient, "OK", "Cough and fever");
        }

        portal.AssertNoUnexpectedConsoleErrors();
    }

    [Fact]
    public async Task A_message_written_offline_survives_a_reload_and_is_sent_once_when_the_network_returns()
    {
        var patient = Patients.New();
        string id;
        using (var owner = await ApiClient.SignInAsync(fixture.Web.Address, "asha.north"))
        {
            id = ApiClient.Id(await owner.CreateAsync(patient));
            await owner.SayAsync(id, "Written before the signal went.");
        }

        await using var network = NetworkSwitch.To(fixture.Web.Address);
        await using var portal = new PortalSession(fixture.Browser);
        var asha = await portal.SignInAsync(network.Address, "asha.north", width: 360, height: 740);
        await asha.WaitUntilReadyOfflineAsync();
        await asha.OpenCaseAsync(patient);
        var thread = asha.Detail.Locator("section.conversation");
        await Expect(thread.Locator("ol.thread li")).ToHaveCountAsync(1);
        await asha.WaitUntilCaseSavedAsync(patient);

        // The signal goes; she writes anyway. The message waits on the phone, shown below the thread.
        await asha.GoOfflineAsync(network);
        const string Text = "Her fever is down this morning.";
        await thread.GetByLabel("Message").FillAsync(Text);
        await thread.GetByRole(AriaRole.Button, new() { Name = "Send message", Exact = true }).ClickAsync();
        await Expect(thread.Locator("ul.thread-pending li")).ToContainTextAsync(["Waiting to send" + Text]);

        // The page loads again from the phone, on the same case: the message still waits, there and in "Waiting to send".
        await asha.Page.ReloadAsync();
        await Expect(asha.LiveState).ToHaveAttributeAsync("data-state", "offline");
        await Expect(asha.Page.Locator("#detail-title")).ToHaveTextAsync($"Case {patient}");
        await Expect(asha.Outbox.Locator("li.waiting strong")).ToHaveTextAsync([$"Message on {patient}"]);
        await Expect(thread.Locator("ul.thread-pending li")).ToContainTextAsync(["Waiting to send" + Text]);

        // Back online: sent, shown in the thread after the one before it, and stored once.
        await asha.GoOnlineAsync(network);
        await Expect(thread.Locator("ul.thread-pending li")).ToHaveCountAsync(0);
        await Expect(thread.Locator("ol.thread li")).ToHaveCountAsync(2);
        await Expect(thread.Locator("ol.thread li").Last).ToContainTextAsync(Text);
        using var reader = await ApiClient.SignInAsync(fixture.Web.Address, "asha.north");
        var stored = await reader.ThreadAsync(id);
        Assert.Equal(["Written before the signal went.", Text], stored["items"]!.AsArray().Select(m => m!["text"]!.GetValue<string>()));
        portal.AssertNoUnexpectedConsoleErrors();
    }
}
