using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;
using OrleansCases.Web.Tests.Support;

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

    public static TheoryData<string> Languages() => [.. PortalCatalog.Languages];

    /// <summary>Screenshots are named for the portal and width, with the language after the portal unless English.</summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Each_portal_fits_1280_and_360_px_has_no_accessibility_violations_and_is_saved_as_screenshots(string language)
    {
        string T(string key) => PortalCatalog.Text(language, key);
        var suffix = language == "en" ? "" : $"-{language}";
        await using var portal = new PortalSession(fixture.Browser);
        await SeedAsync(portal);
        var problems = new List<string>();

        foreach (var (userId, name) in _portals)
        {
            var user = await portal.SignInAsync(fixture.Web.Address, userId, language: language);
            await Expect(user.Page.Locator("button.case-link").First).ToBeVisibleAsync();
            if (name == "admin")
            {
                // The admin's live log fills as events come; one from now on shows what it looks like.
                await using var asha = await PortalUser.SignInAsync(fixture.Browser, fixture.Web.Address, "asha.north");
                await asha.CreateCaseAsync(Patients.New());
                await Expect(user.Page.Locator("ol.log li").First).ToBeVisibleAsync();
                // The cluster view: the silo, active, and this web instance with the admin's own connection.
                var cluster = user.Panel(T("cluster.title"));
                await Expect(cluster.Locator("tbody tr", new() { HasTextString = T("silo.Active") })).ToHaveCountAsync(1);
                await Expect(cluster).ToContainTextAsync("admin/all: ");
                await Expect(cluster.GetByRole(AriaRole.Link, new() { Name = T("cluster.dashboard") })).ToHaveAttributeAsync("href", "/admin/dashboard/");
            }

            problems.AddRange(await CheckAsync(user, $"{name}{suffix}-1280"));
            await user.Page.SetViewportSizeAsync(360, 740);
            problems.AddRange(await CheckAsync(user, $"{name}{suffix}-360"));
        }

        // A case on a phone: its history, the actions, and the picker of the region's clinicians.
        var chw = await portal.SignInAsync(fixture.Web.Address, "chw.north", width: 360, height: 740, language: language);
        await chw.OpenCaseAsync(_seeded[0], T("list.region").Replace("{{region}}", "north", StringComparison.Ordinal), T("detail.title"));
        await chw.Detail.GetByRole(AriaRole.Button, new() { Name = T("action.assign"), Exact = true }).ClickAsync();
        await chw.Detail.GetByLabel(T("field.doctor")).SelectOptionAsync(new SelectOptionValue { Value = "clinician2.north" });
        problems.AddRange(await CheckAsync(chw, $"case-detail{suffix}-360"));

        var signIn = await fixture.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 360, Height = 740 } });
        await signIn.GotoAsync(fixture.Web.Address.ToString());
        await signIn.Locator("#language-sign-in").SelectOptionAsync(language);
        await Expect(signIn.GetByLabel(T("auth.userName"))).ToBeVisibleAsync();
        await signIn.GetByLabel(T("auth.userName")).FocusAsync();
        await signIn.ScreenshotAsync(new() { Path = Path.Combine(PortalFixture.OutputDirectory, $"sign-in{suffix}-360.png"), FullPage = true });
        await signIn.CloseAsync();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        portal.AssertNoUnexpectedConsoleErrors();
    }

    [Fact]
    public async Task The_sign_in_page_focuses_the_user_name()
    {
        var signIn = await fixture.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 360, Height = 740 } });
        await signIn.GotoAsync(fixture.Web.Address.ToString());
        await Expect(signIn.GetByLabel("User name")).ToBeFocusedAsync();
        await signIn.CloseAsync();
    }

    [Fact]
    public async Task A_case_can_be_opened_and_acted_on_with_the_keyboard_alone()
    {
        await using var portal = new PortalSession(fixture.Browser);
        var asha = await portal.SignInAsync(fixture.Web.Address, "asha.north");
        var patient = Patients.New();
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
        await Expect(asha.Detail.GetByRole(AriaRole.Button, new() { Name = "Send to doctor", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(asha.Detail.GetByLabel("Send to")).ToBeFocusedAsync();
        // The form can be sent once the region's clinicians are listed.
        await Expect(asha.Detail.GetByLabel("Send to").Locator("option")).ToHaveCountAsync(3);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Seen at home");
        await page.Keyboard.PressAsync("Tab");
        await Expect(asha.Detail.GetByRole(AriaRole.Button, new() { Name = "Confirm: Send to doctor" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(asha.Toast($"Send to doctor: case {patient} is now Sent to doctor.")).ToBeVisibleAsync();
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
            var patient = Patients.New();
            _seeded.Add(patient);
            await asha.CreateCaseAsync(patient, priority, $"Seed case, {priority}: cough and fever");
            if (priority != "routine")
            {
                await asha.OpenCaseAsync(patient);
                await asha.ActAsync("Send to doctor");
                await asha.BackToListsAsync();
            }
        }

        await clinician.OpenCaseAsync(_seeded[1], "Review queue");
        await clinician.ActAsync("Start review", ("Note (optional)", "Calling the family now"));
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
