using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansCases.Web.Tests.Support;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>
/// The queue at a glance in the portal (docs/design.md section 10): the CHW's page (360 px) and the admin's (1280 px)
/// draw the region's queue by priority with Chart.js (served by the web itself) and the same figures as a table, and
/// both follow claims, escalations and new cases live, without a reload. Leaves the screenshots the README shows.
/// </summary>
[Collection(PortalGroup.Name)]
[Trait("Category", "Browser")]
public sealed class QueueChartsTests(EscalatingPortalFixture fixture) : IClassFixture<EscalatingPortalFixture>
{
    [Fact]
    public async Task The_chw_and_admin_pages_chart_the_queue_and_follow_it_live()
    {
        await using var portal = new PortalSession(fixture.Browser);
        var chw = await portal.SignInAsync(fixture.Web.Address, "chw.north", width: 360, height: 740);
        var admin = await portal.SignInAsync(fixture.Web.Address, "admin");
        using var asha = await ApiClient.SignInAsync(fixture.Web.Address, "asha.north");
        using var clinician = await ApiClient.SignInAsync(fixture.Web.Address, "clinician.north");
        await Expect(Cells(chw, "emergency")).ToHaveTextAsync(["0", "—", "0", "0", "—", "—"]);

        // An emergency taken at once; an urgent case left until the system escalates it, then taken; a routine one waits.
        var emergency = ApiClient.Id(await asha.CreateAsync(Patients.New(), "emergency"));
        await asha.DoAsync(emergency, "forward");
        await clinician.DoAsync(emergency, "claim");
        var urgentRef = Patients.New();
        var urgent = ApiClient.Id(await asha.CreateAsync(urgentRef, "urgent"));
        await asha.DoAsync(urgent, "forward");
        await Expect(chw.Toast($"Urgent: {urgentRef} is still waiting for a doctor")).ToBeVisibleAsync();
        var taken = await clinician.DoAsync(urgent, "claim");
        var escalations = taken["history"]!.AsArray().Count(e => e!["action"]!.GetValue<string>() == "escalate");
        var routine = ApiClient.Id(await asha.CreateAsync(Patients.New(), "routine"));
        await asha.DoAsync(routine, "forward");

        foreach (var page in new[] { chw, admin })
        {
            // The table says it in words: per priority waiting, since when, escalated today, taken in the last day.
            await Expect(Cells(page, "routine")).ToHaveTextAsync([new Regex("^1$"), new Regex(@"\d{1,2}:\d{2}"), new Regex("^0$"), new Regex("^0$"), new Regex("^—$"), new Regex("^—$")]);
            await Expect(Cells(page, "urgent").Nth(2)).ToHaveTextAsync(escalations.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Expect(Cells(page, "urgent").Nth(3)).ToHaveTextAsync("1");
            await Expect(Cells(page, "emergency").Nth(3)).ToHaveTextAsync("1");

            // The charts hold the same figures, most urgent first: waiting and escalated today; the claims' minutes.
            var waitingChart = await ChartDataAsync(page, 0);
            Assert.Equal(new double?[][] { [0, 0, 1], [0, escalations, 0] }, waitingChart);
            var claimChart = await ChartDataAsync(page, 1);
            Assert.All(claimChart, d => Assert.Equal((true, true, false), (d[0] is not null, d[1] is not null, d[2] is not null)));
            // Waits of seconds are counted in seconds; the urgent case waited past its delay.
            Assert.Equal("Seconds", await page.Page.EvaluateAsync<string>("() => Chart.getChart(document.querySelectorAll('#queue-glance canvas')[1]).options.scales.y.title.text"));
            Assert.True(claimChart[0][1] >= EscalatingPortalFixture.Urgent.TotalSeconds - 0.05, $"the urgent case's median wait: {claimChart[0][1]} s");
        }

        await ScreenshotAsync(chw, "queue-charts-360.png");
        await ScreenshotAsync(admin, "queue-charts-1280.png");

        // The routine case is taken: both pages follow.
        await clinician.DoAsync(routine, "claim");
        await Expect(Cells(chw, "routine").First).ToHaveTextAsync("0");
        await Expect(Cells(admin, "routine").Nth(3)).ToHaveTextAsync("1");
        Assert.Equal(new double?[] { 0, 0, 0 }, (await ChartDataAsync(chw, 0))[0]);
        portal.AssertNoUnexpectedConsoleErrors();
    }

    /// <summary>A priority's column of the table: waiting, oldest waiting since, escalated today, claims, median, 9 in 10.</summary>
    private static ILocator Cells(PortalUser user, string priority) => user.Page.Locator($"#queue-glance td[data-priority={priority}]");

    /// <summary>The card as a person sees it: a full-page capture, so the sticky header stays at the top of the page.</summary>
    private static async Task ScreenshotAsync(PortalUser user, string name)
    {
        await user.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var box = (await user.Page.Locator("#queue-glance").BoundingBoxAsync())!;
        await user.Page.ScreenshotAsync(new()
        {
            Path = Path.Combine(PortalFixture.OutputDirectory, name),
            FullPage = true,
            Clip = new() { X = box.X, Y = box.Y, Width = box.Width, Height = box.Height },
        });
    }

    private static async Task<double?[][]> ChartDataAsync(PortalUser user, int chart)
    {
        var json = await user.Page.EvaluateAsync<JsonElement>(
            "index => Chart.getChart(document.querySelectorAll('#queue-glance canvas')[index]).data.datasets.map(d => d.data)", chart);
        return [.. json.EnumerateArray().Select(d => d.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()).ToArray())];
    }
}
