using OrleansCases.Benchmark.Targets;

namespace OrleansCases.Benchmark.Scenarios;

/// <summary>
/// The systems of this run, in the order each scenario visits them: the rooms peer, OrleansCases, and the seed's
/// broadcast peer where a scenario includes it. Remembers which have had their first, longer warm-up (JIT).
/// </summary>
public sealed class Systems(IReadOnlyList<ITarget> audience, ITarget? broadcast)
{
    private readonly HashSet<ITarget> _warm = [];

    /// <summary>The systems that deliver to an audience: the rooms peer and OrleansCases.</summary>
    public IReadOnlyList<ITarget> Audience { get; } = audience;

    public IEnumerable<ITarget> For(bool withBroadcast) =>
        withBroadcast && broadcast is not null ? [.. Audience, broadcast] : Audience;

    public IEnumerable<ITarget> All => For(withBroadcast: true);

    /// <summary>True the first time a system asks: its first run warms it up longer.</summary>
    public bool TakeFirstWarmUp(ITarget target) => _warm.Add(target);
}
