using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using OrleansCases.Web.Tests.Support;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>
/// The portal's weight on a slow phone network (issue 12): the first load of the sign-in page through Chromium's
/// network emulation at 400 kbit/s and 400 ms, in English and in Hindi, cold (nothing cached) and again (the browser's
/// cache: fingerprinted scripts kept, the rest revalidated by ETag), and the bytes each live event costs on the
/// WebSocket. A measurement, written to TestResults/portal/first-load.json for the README: it asserts only that the
/// page loaded, never a time.
/// </summary>
[Collection(PortalGroup.Name)]
[Trait("Category", "Browser")]
public sealed class FirstLoadMeasurement(PortalFixture fixture, ITestOutputHelper output)
{
    private const int KilobitsPerSecond = 400;
    private const int LatencyMs = 400;
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [Fact]
    public async Task The_first_load_on_a_slow_network_and_the_bytes_of_a_live_event_are_measured()
    {
        var loads = new List<Load>();
        foreach (var language in new[] { "en", "hi" })
        {
            await using var context = await fixture.Browser.NewContextAsync(new()
            {
                BaseURL = fixture.Web.Address.ToString(), ViewportSize = new() { Width = 360, Height = 740 }, Locale = "en-GB",
                // The page's own load: the service worker, once installed, fetches the whole shell in the background
                // and serves what it fetched as transferSize 0, which would hide bytes from the count.
                ServiceWorkers = ServiceWorkerPolicy.Block,
            });
            var page = await context.NewPageAsync();
            var cdp = await context.NewCDPSessionAsync(page);
            await cdp.SendAsync("Network.enable");
            await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
            {
                ["offline"] = false,
                ["latency"] = LatencyMs,
                ["downloadThroughput"] = KilobitsPerSecond * 1000 / 8,
                ["uploadThroughput"] = KilobitsPerSecond * 1000 / 8,
            });
            // The language is the device's choice, remembered from an earlier visit.
            await context.AddInitScriptAsync($"localStorage.setItem('orleanscases.language', '{language}')");
            foreach (var visit in new[] { "cold", "again" })
            {
                var watch = Stopwatch.StartNew();
                await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.Commit });
                await Expect(page.Locator("#sign-in-title")).ToHaveTextAsync(PortalCatalog.Text(language, "auth.title"), new() { Timeout = 60_000 });
                var shown = watch.Elapsed.TotalSeconds;
                // Fonts load when text needs them: Hindi's comes in after the first paint of the page. (Not "network
                // idle": a page that keeps any request open would never get there, and the count needs only the files.)
                await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = 60_000 });
                await page.EvaluateAsync("() => document.fonts.ready.then(() => document.fonts.status)");
                var bytes = await page.EvaluateAsync<long>("""
                    () => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
                      .reduce((sum, e) => sum + e.transferSize, 0)
                    """);
                loads.Add(new(language, visit, Math.Round(shown, 2), bytes));
                output.WriteLine($"{language} {visit}: sign-in page shown after {shown:F2} s, {bytes / 1024.0:F1} KiB over the network");
            }
        }

        var eventBytes = await LiveEventBytesAsync();
        var results = new { network = new { kilobitsPerSecond = KilobitsPerSecond, latencyMs = LatencyMs }, loads, liveEventBytes = eventBytes };
        await File.WriteAllTextAsync(Path.Combine(PortalFixture.OutputDirectory, "first-load.json"),
            JsonSerializer.Serialize(results, Indented));
        Assert.All(loads.Where(l => l.Visit == "cold"), l => Assert.True(l.TransferredBytes > 0));
    }

    private sealed record Load(string Language, string Visit, double SignInShownSeconds, long TransferredBytes);

    /// <summary>The WebSocket frames a clinician's page receives for one case's status changes: bytes per event.</summary>
    private async Task<double> LiveEventBytesAsync()
    {
        await using var portal = new PortalSession(fixture.Browser);
        var frames = new List<int>();
        var asha = await portal.SignInAsync(fixture.Web.Address, "asha.north");
        var chw = await portal.SignInAsync(fixture.Web.Address, "chw.north");
        chw.Page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            var text = frame.Text ?? "";
            if (text.Contains("caseStatusUpdate", StringComparison.Ordinal))
            {
                lock (frames)
                {
                    frames.Add(System.Text.Encoding.UTF8.GetByteCount(text));
                }
            }
        };
        await chw.Page.ReloadAsync();
        await Expect(chw.LiveState).ToHaveAttributeAsync("data-state", "connected");
        var patient = Patients.New();
        await asha.CreateAndSendAsync(patient);
        await asha.ActAsync("Cancel case", ("Reason", "Measured"));
        await Expect(chw.CaseRow(patient)).ToContainTextAsync("Cancelled");
        lock (frames)
        {
            output.WriteLine($"live events: {frames.Count} frames, {string.Join(", ", frames)} bytes");
            Assert.NotEmpty(frames);
            return Math.Round(frames.Average(), 1);
        }
    }
}
