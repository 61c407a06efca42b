using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OrleansCases.Grains.ReadModel;
using OrleansCases.Web.Tests.Support;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>
/// The portal on a silo that keeps only a region's last two events once they are a second old (by a clock the test
/// moves), whose stream the test can make lose a region's events, and a web whose bridge never polls: the test
/// decides when the bridge finds it fell behind, and so when it tells the region's pages to resync.
/// </summary>
public sealed class ResyncPortalFixture : PortalFixture
{
    public ResyncPortalFixture()
        : this(new ShiftedClock(), new InjectedFaults())
    {
    }

    private ResyncPortalFixture(ShiftedClock clock, InjectedFaults faults)
        : base(
            new Dictionary<string, string?>
            {
                ["ReadModel:FeedRetention:MinEvents"] = "2",
                ["ReadModel:FeedRetention:MinAge"] = "00:00:01",
            },
            services =>
            {
                services.AddKeyedSingleton<TimeProvider>(CaseClock.Key, clock);
                faults.AddToSilo(services);
            },
            new Dictionary<string, string> { ["Bridge:PollInterval"] = "01:00:00" })
    {
        Clock = clock;
        Faults = faults;
    }

    public ShiftedClock Clock { get; }

    public InjectedFaults Faults { get; }
}

/// <summary>
/// A resync reaches every page of a region at once; each page waits a random part of 5 s before it reads the feed,
/// so storage is not read by all of them in the same moment.
/// </summary>
[Collection(PortalGroup.Name)]
[Trait("Category", "Browser")]
public sealed class ResyncSpreadTests(ResyncPortalFixture fixture) : IClassFixture<ResyncPortalFixture>
{
    private const int Pages = 3;

    [Fact]
    public async Task Pages_told_to_resync_together_read_the_feed_at_spread_out_times()
    {
        await using var portal = new PortalSession(fixture.Browser);
        var read = new ConcurrentDictionary<int, TimeSpan>();
        var clock = Stopwatch.StartNew();
        var triggeredAt = TimeSpan.MaxValue;
        for (var i = 0; i < Pages; i++)
        {
            var page = await portal.SignInAsync(fixture.Web.Address, "chw.north");
            page.Announce("status of 410", "the feed prunes what the bridge missed: a page may find its cursor past retention and reload its lists");
            var n = i;
            page.Page.Request += (_, request) =>
            {
                if (clock.Elapsed > triggeredAt && request.Url.Contains("/api/feed?after=", StringComparison.Ordinal))
                {
                    read.TryAdd(n, clock.Elapsed);
                }
            };
            await Expect(page.LiveState).ToHaveAttributeAsync("data-state", "connected");
        }

        // The bridge misses north's next events while the feed prunes them; the next event shows it the gap, and it
        // tells every north page at once.
        using var chw = await ApiClient.SignInAsync(fixture.Web.Address, "chw.north");
        var dropped = fixture.Faults.Drop("north");
        try
        {
            for (var i = 0; i < 4; i++)
            {
                fixture.Clock.Advance(TimeSpan.FromMinutes(1));
                await chw.CreateAsync(Patients.New());
            }

            // Dropped as the stream delivers them, not as they are stored: wait until the stream has passed all four.
            await dropped.WaitForAsync(4, TimeSpan.FromSeconds(10));
        }
        finally
        {
            fixture.Faults.Deliver("north");
        }

        triggeredAt = clock.Elapsed;
        await chw.CreateAsync(Patients.New());
        var deadline = clock.Elapsed + TimeSpan.FromSeconds(30);
        while (read.Count < Pages && clock.Elapsed < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        Assert.True(read.Count == Pages, $"{read.Count} of {Pages} pages read the feed after the resync. {fixture.Web.Output}");
        var delays = read.Values.Select(t => t - triggeredAt).Order().ToList();
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(7)));
        Assert.True(
            delays[^1] - delays[0] > TimeSpan.FromMilliseconds(50),
            $"The pages read the feed {string.Join(", ", delays.Select(d => $"{d.TotalMilliseconds:F0} ms"))} after the resync was set off: all at once.");
        portal.AssertNoUnexpectedConsoleErrors();
    }
}
