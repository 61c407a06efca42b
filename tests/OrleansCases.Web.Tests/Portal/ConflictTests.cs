using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;
using OrleansCases.Web.Tests.Support;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>Two clinicians claim the same case at once: the loser gets a 409, a toast that says so, and the case as it is now.</summary>
[Collection(PortalGroup.Name)]
[Trait("Category", "Browser")]
public sealed class ConflictTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_conflict_is_explained_in_a_toast_and_the_case_is_shown_as_it_is_now()
    {
        await using var portal = new PortalSession(fixture.Browser);
        var asha = await portal.SignInAsync(fixture.Web.Address, "asha.north");
        var first = await portal.SignInAsync(fixture.Web.Address, "clinician.north");
        var second = await portal.SignInAsync(fixture.Web.Address, "clinician2.north");
        var patient = Patients.New();
        await asha.CreateAndSendAsync(patient);
        await first.OpenCaseAsync(patient, "Review queue");
        await second.OpenCaseAsync(patient, "Review queue");

        // The race, made certain: the second clinician's claim is held on its way until the first one's has landed.
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await second.Page.RouteAsync("**/actions/claim", async route =>
        {
            held.TrySetResult();
            await release.Task;
            await route.ContinueAsync();
        });
        second.Announce("status of 409", "the browser reports the refused claim");
        var confirm = await second.PrepareAsync("Start review");
        await confirm.ClickAsync();
        await held.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await first.ActAsync("Start review");
        release.SetResult();

        await Expect(second.Toast("Not done: someone changed this case meanwhile.")).ToBeVisibleAsync();
        await Expect(second.Detail.Locator("dd").Filter(new() { HasTextString = "Doctor is reviewing" })).ToBeVisibleAsync();
        await Expect(second.Detail.Locator("dd.doctor")).ToHaveTextAsync("Clinician (north)");
        await Expect(second.Detail.GetByRole(AriaRole.Button, new() { Name = "Start review", Exact = true })).ToHaveCountAsync(0);
        await Expect(second.Detail.Locator("ol.history li")).ToHaveCountAsync(3);
        portal.AssertNoUnexpectedConsoleErrors();
    }
}
