using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>
/// Each portal at a clinic desktop's width (1280 px) and a cheap phone's (360 px): saved as screenshots under
/// TestResults/portal (issue 4, acceptance 2), never wider than the screen, and without axe-core accessibility
/// violations (labels, names, contrast, landmarks). And the portal works from the keyboard alone.
/// </summary>
[Collection(PortalGroup.Name)]
[Trait("Category", "Browser")]
public sealed class PortalLayoutTests(PortalFixture fixture)
{
    private static readonly (string User, string Portal)[] _portals =
        [("asha.north", "asha"), ("chw.north", "chw"), ("clinician.north", "clinician"), ("admin", "admin")];

    private readonly List<string> _seeded = [];

    [Fact]
    public async Task Each_portal_fits_1280_and_360_px_has_no_accessibility_violations_and_is_saved_as_screenshots()
    {
        await using var portal = new PortalSession(fixture.Browser);
        await SeedAsync(portal);
        var problems = new List<string>();

        foreach (var (userId, name) in _portals)
        {
            var user = await portal.SignInAsync(fixture.Web.Address, userId);
            await Expect(user.Page.Locator("button.case-link").First).ToBeVisibleAsync();
            if (name == "admin")
            {
                // The admin's live log fills as events come; one from now on shows what it looks like.
                await using var asha = await PortalUser.SignInAsync(fixture.Browser, fixture.Web.Address, "asha.north");
                await asha.CreateCaseAsync(PortalUser.NewPatient());
                await Expect(user.Page.Locator("ol.log li").First).ToBeVisibleAsync();
                // The cluster view: the silo, active, and this web instance with the admin's own connection.
                var cluster = user.Panel("Cluster");
                await Expect(cluster.Locator("tr", new() { HasTextString = "Active" })).ToHaveCountAsync(1);
                await Expect(cluster).ToContainTextAsync("admin/all: 1");
                await Expect(cluster.GetByRole(AriaRole.Link, new() { Name = "Open the Orleans dashboard" })).ToHaveAttributeAsync("href", "/admin/dashboard/");
            }

            problems.AddRange(await CheckAsync(user, $"{name}-1280"));
            await user.Page.SetViewportSizeAsync(360, 740);
            problems.AddRange(await CheckAsync(user, $"{name}-360"));
        }

        // A case on a phone: its history, the actions, and the picker of the region's clinicians.
        var chw = await portal.SignInAsync(fixture.Web.Address, "chw.north", width: 360, height: 740);
        await chw.OpenCaseAsync(_seeded[0], "Cases of north");
        await chw.PrepareAsync("Assign", ("Clinician", "Clinician 2 (north)"));
        problems.AddRange(await CheckAsync(chw, "case-detail-360"));

        var signIn = await fixture.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 360, Height = 740 } });
        await signIn.GotoAsync(fixture.Web.Address.ToString());
        await Expect(signIn.GetByLabel("User name")).ToBeFocusedAsync();
        await signIn.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.OutputDirectory, "sign-in-360.png"), FullPage = true });
        await signIn.CloseAsync();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        portal.AssertNoUnexpectedConsoleErrors();
    }

    [Fact]
    public async Task A_case_can_be_opened_and_acted_on_with_the_keyboard_alone()
    {
        await using var portal = new PortalSession(fixture.Browser);
        var asha = await portal.SignInAsync(fixture.Web.Address, "asha.north");
        var patient = PortalUser.NewPatient();
        await asha.CreateCaseAsync(patient);
        var page = asha.Page;
        var row = asha.CaseRow(patient, "My cases");
        await page.Locator("body").FocusAsync();

        for (var presses = 0; presses < 40 && !await row.EvaluateAsync<bool>("e => e === document.activeElement"); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Expect(row).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#detail-title")).ToBeFocusedAsync();
        await Expect(page.Locator("#detail-title")).ToHaveTextAsync($"Case {patient}");
        await page.Keyboard.PressAsync("Tab");
        await Expect(asha.Detail.GetByRole(AriaRole.Button, new() { Name = "Forward", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(asha.Detail.GetByLabel("Assign to clinician")).ToBeFocusedAsync();
        // The form can be sent once the region's clinicians are listed.
        await Expect(asha.Detail.GetByLabel("Assign to clinician").Locator("option")).ToHaveCountAsync(3);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Seen at home");
        await page.Keyboard.PressAsync("Tab");
        await Expect(asha.Detail.GetByRole(AriaRole.Button, new() { Name = "Confirm forward" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(asha.Toast($"Forward: case {patient} is now Forwarded to clinician.")).ToBeVisibleAsync();
        await Expect(asha.Detail.Locator("ol.history")).ToContainTextAsync("Seen at home");
        portal.AssertNoUnexpectedConsoleErrors();
    }

    /// <summary>Something in every list: an urgent case in the queue, an emergency under review, a routine one open.</summary>
    private async Task SeedAsync(PortalSession portal)
    {
        var asha = await portal.SignInAsync(fixture.Web.Address, "asha.north");
        var clinician = await portal.SignInAsync(fixture.Web.Address, "clinician.north");
        foreach (var priority in new[] { "urgent", "emergency", "routine" })
        {
            var patient = PortalUser.NewPatient();
            _seeded.Add(patient);
            await asha.CreateCaseAsync(patient, priority, $"Seed case, {priority}: cough and fever");
            if (priority != "routine")
            {
                await asha.OpenCaseAsync(patient);
                await asha.ActAsync("Forward");
                await asha.BackToListsAsync();
            }
        }

        await clinician.OpenCaseAsync(_seeded[1], "Review queue");
        await clinician.ActAsync("Claim", ("Note (optional)", "Calling the family now"));
        await clinician.BackToListsAsync();
    }

    /// <summary>Saves <paramref name="name"/>.png and answers what is wrong with the page as it is now.</summary>
    private static async Task<IEnumerable<string>> CheckAsync(PortalUser user, string name)
    {
        var problems = new List<string>();
        var page = user.Page;
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.OutputDirectory, $"{name}.png"), FullPage = true });
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, viewport) = (widths[0], widths[1]);
        if (scrollWidth > viewport)
        {
            problems.Add($"{name}: {scrollWidth} px wide in a {viewport} px viewport (sideways scrolling)");
        }

        var axe = await page.RunAxe();
        problems.AddRange(axe.Violations.Select(v =>
            $"{name}: axe {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        return problems;
    }
}
