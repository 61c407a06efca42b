using Xunit;

namespace OrleansCases.Grains.Tests.Support;

/// <summary>
/// The test classes that share one <see cref="ShortTimersClusterFixture"/>: each test works in a region of its own, so
/// they need no cluster each (the failover test, which kills a silo, has its own).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ShortTimersGroup : ICollectionFixture<ShortTimersClusterFixture>
{
    public const string Name = "Short timers";
}
