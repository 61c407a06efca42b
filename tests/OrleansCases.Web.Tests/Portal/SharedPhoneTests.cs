using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;
using OrleansCases.Web.Tests.Support;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>
/// ASHAs share phones: whoever signs in next must see nothing of the last user's patients, toasts included
/// (issue 12). The last user's toast is still on screen when she signs out.
/// </summary>
[Collection(PortalGroup.Name)]
[Trait("Category", "Browser")]
public sealed class SharedPhoneTests(PortalFixture fixture)
{
    [Fact]
    public async Task Signing_out_clears_the_toasts_so_the_next_user_of_the_phone_sees_no_patient_of_the_last()
    {
        await using var portal = new PortalSession(fixture.Browser);
        var phone = await portal.SignInAsync(fixture.Web.Address, "asha.north", width: 360, height: 740);
        var patient = Patients.New();
        await phone.CreateCaseAsync(patient);
        await Expect(phone.Toast(patient)).ToBeVisibleAsync();

        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(phone.Page.GetByLabel("User name")).ToBeVisibleAsync();
        // At once, not eventually: a toast lives 8 s on its own, and waiting could see it expire instead.
        Assert.Equal(0, await phone.Toasts.CountAsync());

        await phone.Page.GetByLabel("User name").FillAsync("asha2.north");
        await phone.Page.GetByLabel("Password").FillAsync(Web.Identity.DemoUsers.Password);
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(phone.Page.Locator("#who-name")).ToHaveTextAsync("Asha 2 (north)");
        await Expect(phone.LiveState).ToHaveAttributeAsync("data-state", "connected");
        await Expect(phone.Page.Locator("body")).Not.ToContainTextAsync(patient);
        portal.AssertNoUnexpectedConsoleErrors();
    }
}
