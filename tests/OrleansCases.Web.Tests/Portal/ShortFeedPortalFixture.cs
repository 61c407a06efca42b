using Microsoft.Extensions.DependencyInjection;
using OrleansCases.Grains.ReadModel;
using OrleansCases.Web.Tests.Support;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>
/// The portal on a silo that keeps only the last two events of a region once they are a second old, by a grains'
/// clock the test moves (<see cref="Clock"/>): how fast the silo stores must not decide whether events age.
/// </summary>
public sealed class ShortFeedPortalFixture : PortalFixture
{
    public static TimeSpan MinAge { get; } = TimeSpan.FromSeconds(1);

    public ShortFeedPortalFixture()
        : this(new ShiftedClock())
    {
    }

    private ShortFeedPortalFixture(ShiftedClock clock)
        : base(
            new Dictionary<string, string?>
            {
                ["ReadModel:FeedRetention:MinEvents"] = "2",
                ["ReadModel:FeedRetention:MinAge"] = MinAge.ToString("c"),
            },
            services => services.AddKeyedSingleton<TimeProvider>(CaseClock.Key, clock)) =>
        Clock = clock;

    public ShiftedClock Clock { get; }
}
