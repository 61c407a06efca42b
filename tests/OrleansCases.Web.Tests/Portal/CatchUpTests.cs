using Microsoft.Playwright;
using OrleansCases.Web.Tests.Support;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>
/// A page away longer than the feed keeps events: its catch-up answers 410, so it reads its lists afresh, fifty
/// cases at a time with "Load more", and converges to the stored state without a reload.
/// </summary>
[Collection(PortalGroup.Name)]
[Trait("Category", "Browser")]
public sealed class CatchUpTests(ShortFeedPortalFixture fixture) : IClassFixture<ShortFeedPortalFixture>
{
    private const int Created = 55;

    [Fact]
    public async Task After_an_absence_past_the_feeds_retention_the_page_reads_its_lists_afresh_and_pages_with_load_more()
    {
        await using var other = await WebProcess.StartAsync(fixture.ServiceId, fixture.GatewayPort);
        using var asha = await ApiClient.SignInAsync(other.Address, "asha.north");
        await using var portal = new PortalSession(fixture.Browser);
        var chw = await portal.SignInAsync(fixture.Web.Address, "chw.north");
        var gone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        chw.Page.Response += (_, response) =>
        {
            if (response.Url.Contains("/api/feed", StringComparison.Ordinal) && response.Status == 410)
            {
                gone.TrySetResult();
            }
        };
        chw.AnnounceServerDown();
        chw.Announce("status of 410", "the page's feed cursor is past the feed's retention");
        await chw.MarkPageAsync();

        var patients = new List<string>();
        await fixture.Web.KillAsync();
        try
        {
            await Expect(chw.LiveState).Not.ToHaveAttributeAsync("data-state", "connected");
            for (var i = 0; i < Created; i++)
            {
                // The first fifty age past the retention, so the last five's batches prune them.
                if (i == Created - 5)
                {
                    fixture.Clock.Advance(2 * ShortFeedPortalFixture.MinAge);
                }

                patients.Add(Patients.New());
                await asha.CreateAsync(patients[^1]);
            }
        }
        finally
        {
            await fixture.Web.StartAsync();
        }

        await gone.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await Expect(chw.LiveState).ToHaveAttributeAsync("data-state", "connected");
        var list = chw.Panel("Cases of north");
        var more = list.GetByRole(AriaRole.Button, new() { Name = "Load more" });
        // The newest fifty first; the oldest five one click away.
        await Expect(chw.CaseRow(patients[^1])).ToBeVisibleAsync();
        await Expect(list.Locator("button.case-link")).ToHaveCountAsync(50);
        await Expect(chw.CaseRow(patients[0])).ToHaveCountAsync(0);
        await more.ClickAsync();

        await Expect(list.Locator("button.case-link")).ToHaveCountAsync(Created);
        await Expect(more).ToBeHiddenAsync();
        foreach (var patient in patients)
        {
            await Expect(chw.CaseRow(patient)).ToHaveCountAsync(1);
        }

        Assert.False(await chw.WasReloadedAsync());
        portal.AssertNoUnexpectedConsoleErrors();
    }
}
