using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OrleansCases.Web.Tests.Support;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>
/// Work without network (issue 12): an ASHA's phone loses its signal (a <see cref="NetworkSwitch"/> cut, and the browser
/// told it is offline), she goes on working, reloads the page, and her changes land once each when the signal returns.
/// </summary>
[Collection(PortalGroup.Name)]
[Trait("Category", "Browser")]
public sealed class OfflineTests(PortalFixture fixture)
{
    [Fact]
    public async Task Work_done_offline_survives_a_reload_and_lands_exactly_once_when_the_network_returns()
    {
        await using var network = NetworkSwitch.To(fixture.Web.Address);
        await using var portal = new PortalSession(fixture.Browser);
        var asha = await portal.SignInAsync(network.Address, "asha.north", width: 360, height: 740);
        await asha.WaitUntilReadyOfflineAsync();
        var opened = Patients.New();
        await asha.CreateCaseAsync(opened);
        await asha.OpenCaseAsync(opened);

        await asha.GoOfflineAsync(network);
        // On the case page she had open: sent to the doctor, which waits on the phone.
        await (await asha.PrepareAsync("Send to doctor")).ClickAsync();
        await Expect(asha.Toast($"No network: “Send to doctor” for {opened} is saved on this phone")).ToBeVisibleAsync();
        await Expect(asha.Detail.Locator(".pending")).ToHaveTextAsync("Waiting to send from this phone: Send to doctor.");
        await asha.BackToListsAsync();
        // A new case, created and sent to the doctor in one form.
        var created = Patients.New();
        await asha.OpenCreateFormAsync();
        var form = asha.Panel("New case");
        await form.GetByLabel("Patient ID").FillAsync(created);
        await form.GetByLabel("What is the problem?").FillAsync("Fever since last night");
        await form.GetByLabel("How urgent?").SelectOptionAsync("urgent");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create and send to doctor", Exact = true }).ClickAsync();
        await Expect(asha.Toast($"No network: {created} is saved on this phone")).ToBeVisibleAsync();
        var waiting = new[] { $"Send to doctor: {opened}", $"New case {created}", $"Send to doctor: {created}" };
        await Expect(asha.Outbox.Locator("li.waiting strong")).ToHaveTextAsync(waiting);

        // The page loads again from the phone, with her lists and everything still waiting.
        await asha.Page.ReloadAsync();
        await Expect(asha.Page.Locator("#who-name")).ToHaveTextAsync("Asha (north)");
        await Expect(asha.LiveState).ToHaveAttributeAsync("data-state", "offline");
        await Expect(asha.Outbox.Locator("li.waiting strong")).ToHaveTextAsync(waiting);
        await Expect(asha.CaseRow(opened, "My cases")).ToBeVisibleAsync();

        await asha.GoOnlineAsync(network);
        await Expect(asha.Outbox).ToBeHiddenAsync();
        await Expect(asha.CaseRow(opened, "My cases")).ToContainTextAsync("Sent to doctor");
        await Expect(asha.CaseRow(created, "My cases")).ToContainTextAsync("Sent to doctor");
        await Expect(asha.LiveState).ToHaveAttributeAsync("data-state", "connected");

        // Each command landed once: one case for the new patient, and each case forwarded exactly once.
        using var api = await ApiClient.SignInAsync(fixture.Web.Address, "asha.north");
        var mine = await MineAsync(api);
        Assert.Single(mine, c => c["patientRef"]!.GetValue<string>() == opened);
        Assert.Single(mine, c => c["patientRef"]!.GetValue<string>() == created);
        foreach (var patient in new[] { opened, created })
        {
            var id = mine.Single(c => c["patientRef"]!.GetValue<string>() == patient)["id"]!.GetValue<string>();
            var found = await ApiClient.ExpectAsync(await api.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);
            Assert.Equal("ForwardedToClinician", found["status"]!.GetValue<string>());
            Assert.Equal(["create", "forward"], found["history"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()));
        }

        portal.AssertNoUnexpectedConsoleErrors();
    }

    [Fact]
    public async Task A_queued_action_that_meets_a_conflict_is_shown_to_resolve_and_changes_nothing()
    {
        await using var network = NetworkSwitch.To(fixture.Web.Address);
        await using var portal = new PortalSession(fixture.Browser);
        var phone = await portal.SignInAsync(network.Address, "asha.north", width: 360, height: 740);
        await phone.WaitUntilReadyOfflineAsync();
        var patient = Patients.New();
        await phone.CreateCaseAsync(patient);
        await phone.OpenCaseAsync(patient);

        await phone.GoOfflineAsync(network);
        await (await phone.PrepareAsync("Cancel case", ("Reason", "Family moved away"))).ClickAsync();
        await Expect(phone.Detail.Locator(".pending")).ToHaveTextAsync("Waiting to send from this phone: Cancel case.");
        await phone.BackToListsAsync();

        // Meanwhile, on her other device, the same case went to the doctor.
        var tablet = await portal.SignInAsync(fixture.Web.Address, "asha.north");
        await tablet.OpenCaseAsync(patient);
        await tablet.ActAsync("Send to doctor");

        phone.Announce("status of 409", "the browser reports the refused cancel");
        await phone.GoOnlineAsync(network);
        var refused = phone.Outbox.Locator("li.refused");
        await Expect(refused.Locator("strong")).ToHaveTextAsync($"Cancel case: {patient}");
        await Expect(refused.Locator(".error")).ToHaveTextAsync("Not sent: Someone changed this case meanwhile.");
        await Expect(phone.Toast($"Could not be sent: Cancel case: {patient}.")).ToBeVisibleAsync();
        await Expect(phone.CaseRow(patient, "My cases")).ToContainTextAsync("Sent to doctor");

        // She looks at the case as it is now, then gives up the change.
        await refused.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).ClickAsync();
        await Expect(phone.Detail.Locator("ol.history li")).ToHaveCountAsync(2);
        await phone.BackToListsAsync();
        await refused.GetByRole(AriaRole.Button, new() { Name = "Discard this change" }).ClickAsync();
        await Expect(phone.Outbox).ToBeHiddenAsync();
        await phone.Page.ReloadAsync();
        await Expect(phone.CaseRow(patient, "My cases")).ToContainTextAsync("Sent to doctor");
        await Expect(phone.Outbox).ToBeHiddenAsync();

        // Nothing of the refused cancel reached the case.
        using var api = await ApiClient.SignInAsync(fixture.Web.Address, "asha.north");
        var id = (await MineAsync(api)).Single(c => c["patientRef"]!.GetValue<string>() == patient)["id"]!.GetValue<string>();
        var found = await ApiClient.ExpectAsync(await api.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);
        Assert.Equal("ForwardedToClinician", found["status"]!.GetValue<string>());
        Assert.Equal(2, ApiClient.Version(found));
        portal.AssertNoUnexpectedConsoleErrors();
    }

    private static async Task<List<JsonNode>> MineAsync(ApiClient api)
    {
        var page = await ApiClient.ExpectAsync(await api.GetAsync("/api/cases?view=mine&limit=200"), HttpStatusCode.OK);
        return [.. page["items"]!.AsArray().Select(i => i!)];
    }
}
