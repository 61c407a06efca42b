using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansCases.Web.Identity;
using OrleansCases.Web.Tests.Support;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>
/// One person at the portal: their own browser context (cookies, storage) and page, driven the way they would use
/// it: by labels and button names. Every console error the page reports is kept for <see cref="UnexpectedConsoleErrors"/>.
/// </summary>
public sealed partial class PortalUser : IAsyncDisposable
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

    /// <summary>The header's live state; its data-state is connected | connecting | offline (the words are translated).</summary>
    public ILocator LiveState => Page.Locator("#live");

    public ILocator Toasts => Page.Locator("#toasts .toast");

    public ILocator Detail => Page.Locator("section.detail");

    /// <summary>"Waiting to send": the commands of the outbox, hidden when it is empty.</summary>
    public ILocator Outbox => Page.Locator("#outbox");

    /// <summary>Opens the portal and signs in; with <paramref name="language"/>, picks it on the sign-in page first.</summary>
    public static async Task<PortalUser> SignInAsync(
        IBrowser browser, Uri address, string userId, int width = 1280, int height = 900, string? language = null)
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
        if (language is not null)
        {
            await user.Page.Locator("#language-sign-in").SelectOptionAsync(language);
            await Expect(user.Page.Locator("html")).ToHaveAttributeAsync("lang", language);
        }

        await user.SignInHereAsync(userId);
        return user;
    }

    /// <summary>Signs in on the sign-in page already open (a shared phone), in whatever language it shows.</summary>
    public async Task SignInHereAsync(string userId)
    {
        await Page.Locator("#username").FillAsync(userId);
        await Page.Locator("#password").FillAsync(DemoUsers.Password);
        await Page.Locator("#sign-in-form button[type=submit]").ClickAsync();
        await Expect(Page.Locator("#who-name")).ToHaveTextAsync(DemoUsers.All.Single(u => u.Id == userId).Name);
        await Expect(LiveState).ToHaveAttributeAsync("data-state", "connected");
    }

    /// <summary>The list section titled <paramref name="title"/> (a region landmark, named by its heading).</summary>
    public ILocator Panel(string title) => Page.GetByRole(AriaRole.Region, new() { Name = title, Exact = true });

    /// <summary>The row of the case with <paramref name="patientRef"/> in any list, or in <paramref name="panel"/>.</summary>
    public ILocator CaseRow(string patientRef, string? panel = null) =>
        (panel is null ? Page.Locator("#lists") : Panel(panel)).Locator("button.case-link")
            .Filter(new() { Has = Page.Locator(".ref", new() { HasTextString = patientRef }) });

    public ILocator Toast(string text) => Toasts.Filter(new() { HasTextString = text });

    /// <summary>Creates a case and keeps it open ("Save only"); it is there once the page lists it.</summary>
    public async Task CreateCaseAsync(string patientRef, string priority = "routine", string summary = "Fever for three days")
    {
        var form = Panel("New case");
        await OpenCreateFormAsync();
        await form.GetByLabel("Patient ID").FillAsync(patientRef);
        await form.GetByLabel("What is the problem?").FillAsync(summary);
        await form.GetByLabel("How urgent?").SelectOptionAsync(priority);
        await form.GetByRole(AriaRole.Button, new() { Name = "Save only", Exact = true }).ClickAsync();
        await Expect(CaseRow(patientRef)).ToBeVisibleAsync();
    }

    /// <summary>Creates a case, opens it and sends it to the doctor from its page (its detail stays open).</summary>
    public async Task CreateAndSendAsync(string patientRef, string priority = "routine", string summary = "Fever for three days")
    {
        await CreateCaseAsync(patientRef, priority, summary);
        await OpenCaseAsync(patientRef);
        await ActAsync("Send to doctor");
    }

    /// <summary>Unfolds the create form (folded at first on a phone).</summary>
    public async Task OpenCreateFormAsync()
    {
        var toggle = Panel("New case").GetByRole(AriaRole.Button, new() { Name = "New case", Exact = true });
        if (await toggle.GetAttributeAsync("aria-expanded") == "false")
        {
            await toggle.ClickAsync();
        }
    }

    /// <summary>Opens the case from the lists, as a click on its row does.</summary>
    public async Task OpenCaseAsync(string patientRef, string? panel = null, string title = "Case {{patient}}")
    {
        await CaseRow(patientRef, panel).ClickAsync();
        await Expect(Page.Locator("#detail-title")).ToHaveTextAsync(title.Replace("{{patient}}", patientRef, StringComparison.Ordinal));
    }

    public async Task BackToListsAsync(string label = "Back to lists")
    {
        await Detail.GetByRole(AriaRole.Button, new() { Name = label }).ClickAsync();
        await Expect(Page.Locator("#lists")).ToBeVisibleAsync();
    }

    /// <summary>
    /// The Latin words the page shows (its text, accessible labels, titles and options) other than those of
    /// <paramref name="data"/> and of the times Intl writes in the page's language (CLDR writes "pm" in Hindi):
    /// on a page in Hindi, English that escaped the catalogs.
    /// </summary>
    public async Task<IReadOnlyList<string>> LatinWordsAsync(IEnumerable<string> data)
    {
        var texts = await Page.EvaluateAsync<string[]>("""
            () => [
              document.body.innerText, document.title,
              ...[...document.querySelectorAll('[aria-label], [title], [placeholder]')]
                .flatMap(e => ['aria-label', 'title', 'placeholder'].map(a => e.getAttribute(a) ?? '')),
              ...[...document.querySelectorAll('option')].map(o => o.textContent),
            ]
            """);
        var times = await Page.EvaluateAsync<string[]>("""
            () => [3, 15].map(hour => new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: 'medium', timeStyle: 'short' })
              .format(new Date(2026, 0, 1, hour)))
            """);
        var allowed = data.Concat(times).SelectMany(d => LatinWord().Matches(d).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        // Each with the text around it, so that a failure says where on the page it is. Other tests' patients (the
        // portal fixture is shared) are data too.
        return [.. texts.Select(t => PatientRef().Replace(t, " "))
            .SelectMany(t => LatinWord().Matches(t).Where(m => !allowed.Contains(m.Value)).Select(m =>
                $"\"{m.Value}\" in \"{t.Substring(Math.Max(0, m.Index - 30), Math.Min(t.Length, m.Index + m.Length + 30) - Math.Max(0, m.Index - 30)).ReplaceLineEndings(" ")}\""))
            .Distinct()];
    }

    /// <summary>
    /// Fails unless the page shows no Latin word but the demo users' names, the regions, the product's and English's
    /// names, and <paramref name="data"/> (patients, notes): on a page in Hindi, no English left.
    /// </summary>
    public async Task AssertOnlyHindiAsync(params string[] data)
    {
        string[] allowed = [.. DemoUsers.All.Select(u => u.Name), "north", "south", "OrleansCases", "English", .. data];
        var english = await LatinWordsAsync(allowed);
        Assert.True(english.Count == 0, $"{UserId}'s Hindi page shows English: {string.Join(", ", english)}");
    }

    /// <summary>A demo user's name, as the portal shows them.</summary>
    public static string NameOf(string userId) => DemoUsers.All.Single(u => u.Id == userId).Name;

    /// <summary>Starts <paramref name="action"/> on the open case and fills its form; answers the confirm button, not yet clicked.</summary>
    public async Task<ILocator> PrepareAsync(string action, params (string Label, string Value)[] fields)
    {
        await Detail.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
        foreach (var (label, value) in fields)
        {
            var field = Detail.GetByLabel(label);
            if (await field.EvaluateAsync<string>("e => e.tagName") == "SELECT")
            {
                // A doctor's option reads "name · online now" (or last seen): pick by the name it starts with.
                var option = await field.Locator("option").Filter(new() { HasTextString = value }).First.GetAttributeAsync("value");
                await field.SelectOptionAsync(new SelectOptionValue { Value = option });
            }
            else
            {
                await field.FillAsync(value);
            }
        }

        return Detail.GetByRole(AriaRole.Button, new() { Name = $"Confirm: {action}", Exact = true });
    }

    /// <summary>
    /// Does <paramref name="action"/> on the open case and waits for the page to show it done: one more history entry
    /// and the form closed (a toast could be replaced by a live one before it is seen).
    /// </summary>
    public async Task ActAsync(string action, params (string Label, string Value)[] fields)
    {
        var entries = Detail.Locator("ol.history li");
        var before = await entries.CountAsync();
        await (await PrepareAsync(action, fields)).ClickAsync();
        await Expect(entries).ToHaveCountAsync(before + 1);
        await Expect(Detail.Locator("form[data-action]")).ToHaveCountAsync(0);
    }

    /// <summary>Waits until the service worker controls the page: its shell is cached by then (it caches it to install).</summary>
    public Task WaitUntilReadyOfflineAsync() =>
        Page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");

    /// <summary>
    /// Waits until the phone has saved the case <paramref name="patientRef"/> whole (with its history, as its page shows
    /// it): the portal writes what it saw to IndexedDB a moment after it changes, so a reload sooner would not find it.
    /// </summary>
    public Task WaitUntilCaseSavedAsync(string patientRef) =>
        // waitForFunction takes a promise for true: each poll starts a read and answers what the last one found.
        Page.WaitForFunctionAsync(
            """
            ([user, patient]) => {
              idb.openDB('orleanscases').then(db => db.get('savedCases', user)).then(saved => {
                window.portalTestSaved = saved?.cases.some(c => c.patientRef === patient && c.history && c.detailVersion === c.version) ?? false;
              });
              return window.portalTestSaved === true;
            }
            """,
            new[] { UserId, patientRef });

    /// <summary>The phone loses its signal: the connection to the web is cut, and the browser knows it is offline.</summary>
    public async Task GoOfflineAsync(NetworkSwitch network)
    {
        AnnounceServerDown();
        Announce("ERR_INTERNET_DISCONNECTED", "the page tries the network while the phone is offline");
        network.Cut();
        await Context.SetOfflineAsync(true);
        await Expect(LiveState).ToHaveAttributeAsync("data-state", "offline");
    }

    public async Task GoOnlineAsync(NetworkSwitch network)
    {
        network.Restore();
        await Context.SetOfflineAsync(false);
    }

    /// <summary>Marks the page so that <see cref="WasReloadedAsync"/> can tell whether it was loaded again since.</summary>
    public Task MarkPageAsync() => Page.EvaluateAsync("() => { window.portalTestMark = true; }");

    public async Task<bool> WasReloadedAsync() => !await Page.EvaluateAsync<bool>("() => window.portalTestMark === true");

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

    [GeneratedRegex("P-[0-9a-f]{10}", RegexOptions.IgnoreCase)] // Patients.New(); SearchTests makes one lower case
    private static partial Regex PatientRef();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex LatinWord();
}
