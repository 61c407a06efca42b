using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using OrleansCases.Grains.ReadModel;

namespace OrleansCases.Grains.Tests.Support;

/// <summary>
/// The production shape of storage, with a feed that keeps only <see cref="MinEvents"/> events and
/// <see cref="MinAge"/>, and the grains' clock (<see cref="CaseClock"/>) in the test's hand: a test ages events by
/// advancing <see cref="Clock"/>, never by waiting. Orleans keeps its own clock. The clock outlives a restart.
/// </summary>
public sealed class RetentionClusterFixture : ClusterFixture
{
    public const int MinEvents = 5;

    public static TimeSpan MinAge { get; } = TimeSpan.FromHours(1);

    public FakeTimeProvider Clock { get; } = new();

    protected override bool AzureGrainStorage => true;

    protected override void ConfigureSiloHost(IHostApplicationBuilder host)
    {
        host.Configuration[$"{FeedRetentionOptions.Section}:{nameof(FeedRetentionOptions.MinEvents)}"] = MinEvents.ToString(System.Globalization.CultureInfo.InvariantCulture);
        host.Configuration[$"{FeedRetentionOptions.Section}:{nameof(FeedRetentionOptions.MinAge)}"] = MinAge.ToString("c");
        host.Services.AddKeyedSingleton<TimeProvider>(CaseClock.Key, Clock);
    }
}
