using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansCases.Web.Identity;
using static Microsoft.Playwright.Assertions;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>
/// One person at the portal: their own browser context (cookies, storage) and page, driven the way they would use
/// it: by labels and button names. Every console error the page reports is kept for <see cref="UnexpectedConsoleErrors"/>.
/// </summary>
public sealed class PortalUser : IAsyncDisposable
{
    private readonly List<string> _consoleErrors = [];
    private readonly List<Regex> _announced = [];

    private PortalUser(string userId, IBrowserContext context, IPage page)
    {
        UserId = userId;
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Keep($"{message.Text} (at {message.Location})");
            }
        };
        page.PageError += (_, error) => Keep($"uncaught: {error}");
    }

    public string UserId { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>connected | reconnecting | offline, as the header shows it.</summary>
    public ILocator LiveState => Page.Locator("#live-state");

    public ILocator Toasts => Page.Locator("#toasts .toast");

    public ILocator Detail => Page.Locator("section.detail");

    public static async Task<PortalUser> SignInAsync(IBrowser browser, Uri address, string userId, int width = 1280, int height = 900)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = address.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        var user = new PortalUser(userId, context, await context.NewPageAsync());
        await user.Page.GotoAsync("/");
        await user.Page.GetByLabel("User name").FillAsync(userId);
        await user.Page.GetByLabel("Password").FillAsync(DemoUsers.Password);
        await user.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(user.Page.Locator("#who-name")).ToHaveTextAsync(DemoUsers.All.Single(u => u.Id == userId).Name);
        await Expect(user.LiveState).ToHaveTextAsync("connected");
        return user;
    }

    /// <summary>The list section titled <paramref name="title"/> (a region landmark, named by its heading).</summary>
    public ILocator Panel(string title) => Page.GetByRole(AriaRole.Region, new() { Name = title, Exact = true });

    /// <summary>The row of the case with <paramref name="patientRef"/> in any list, or in <paramref name="panel"/>.</summary>
    public ILocator CaseRow(string patientRef, string? panel = null) =>
        (panel is null ? Page.Locator("#lists") : Panel(panel)).Locator("button.case-link")
            .Filter(new() { Has = Page.Locator(".ref", new() { HasTextString = patientRef }) });

    public ILocator Toast(string text) => Toasts.Filter(new() { HasTextString = text });

    public async Task CreateCaseAsync(string patientRef, string priority = "routine", string summary = "Fever for three days")
    {
        var form = Panel("New case");
        await form.GetByLabel("Patient reference").FillAsync(patientRef);
        await form.GetByLabel("Summary").FillAsync(summary);
        await form.GetByLabel("Priority").SelectOptionAsync(priority);
        await form.GetByRole(AriaRole.Button, new() { Name = "Create case" }).ClickAsync();
        await Expect(Toast($"Case {patientRef} created.")).ToBeVisibleAsync();
    }

    /// <summary>Opens the case from the lists, as a click on its row does.</summary>
    public async Task OpenCaseAsync(string patientRef, string? panel = null)
    {
        await CaseRow(patientRef, panel).ClickAsync();
        await Expect(Page.Locator("#detail-title")).ToHaveTextAsync($"Case {patientRef}");
    }

    public async Task BackToListsAsync()
    {
        await Detail.GetByRole(AriaRole.Button, new() { Name = "Back to lists" }).ClickAsync();
        await Expect(Page.Locator("#lists")).ToBeVisibleAsync();
    }

    /// <summary>Starts <paramref name="action"/> on the open case and fills its form; answers the confirm button, not yet clicked.</summary>
    public async Task<ILocator> PrepareAsync(string action, params (string Label, string Value)[] fields)
    {
        await Detail.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
        foreach (var (label, value) in fields)
        {
            var field = Detail.GetByLabel(label);
            if (await field.EvaluateAsync<string>("e => e.tagName") == "SELECT")
            {
                await field.SelectOptionAsync(new SelectOptionValue { Label = value });
            }
            else
            {
                await field.FillAsync(value);
            }
        }

        return Detail.GetByRole(AriaRole.Button, new() { Name = $"Confirm {action.ToLowerInvariant()}" });
    }

    /// <summary>Does <paramref name="action"/> on the open case and waits for the portal to confirm it.</summary>
    public async Task ActAsync(string action, params (string Label, string Value)[] fields)
    {
        var toasts = await Toast($"{action}: case").CountAsync();
        await (await PrepareAsync(action, fields)).ClickAsync();
        await Expect(Toast($"{action}: case")).ToHaveCountAsync(toasts + 1);
    }

    /// <summary>Marks the page so that <see cref="WasReloadedAsync"/> can tell whether it was loaded again since.</summary>
    public Task MarkPageAsync() => Page.EvaluateAsync("() => { window.portalTestMark = true; }");

    public async Task<bool> WasReloadedAsync() => !await Page.EvaluateAsync<bool>("() => window.portalTestMark === true");

    /// <summary>A patient reference no other test uses.</summary>
    public static string NewPatient() => "P-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>
    /// While the web process is down, the browser reports each refused reconnection attempt; a response the killed
    /// process was still sending ends cut off (seen: the page's first catch-up under a loaded run).
    /// </summary>
    public void AnnounceServerDown() =>
        Announce(
            "ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|ERR_INCOMPLETE_CHUNKED_ENCODING|" +
            "WebSocket connection to .* failed",
            "the web process is down while the page tries to reconnect");

    /// <summary>Says that console errors matching <paramref name="pattern"/> are expected, and why (for the reader).</summary>
    public void Announce(string pattern, string because)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(because);
        lock (_consoleErrors)
        {
            _announced.Add(new Regex(pattern, RegexOptions.CultureInvariant));
        }
    }

    /// <summary>The console errors nobody announced.</summary>
    public IReadOnlyList<string> UnexpectedConsoleErrors()
    {
        lock (_consoleErrors)
        {
            return [.. _consoleErrors.Where(e => !_announced.Any(a => a.IsMatch(e)))];
        }
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    private void Keep(string error)
    {
        lock (_consoleErrors)
        {
            _consoleErrors.Add(error);
        }
    }
}
