using OrleansCases.Benchmark.Load;

namespace OrleansCases.Benchmark.Scenarios;

/// <summary>
/// The sizes of one benchmark run: the full sizes, or a smoke run of seconds that exercises every scenario
/// end to end (./test.sh runs it to keep the benchmark itself working).
/// </summary>
public sealed record ScenarioPlan(
    TimeSpan FirstWarmUp,
    TimeSpan WarmUp,
    TimeSpan Measure,
    TimeSpan Idle,
    IReadOnlyList<DeliveryCase> Delivery,
    IReadOnlyList<int> ConnectionSteps,
    IReadOnlyList<double> ThroughputRates,
    TimeSpan ThroughputStep,
    int CatchUpRegions,
    int CatchUpClientsPerRegion,
    int CatchUpMissed,
    TimeSpan StorageCeiling,
    DeliveryCase Conversation)
{
    public static ScenarioPlan Full(TimeSpan measure) => new(
        FirstWarmUp: TimeSpan.FromSeconds(30),
        WarmUp: TimeSpan.FromSeconds(10),
        Measure: measure,
        Idle: TimeSpan.FromSeconds(30),
        Delivery:
        [
            new("light", () => UserSet.DemoSpread(100), 20, [10], Broadcast: true),
            new("demo spread", () => UserSet.DemoSpread(500), 60, [100], Broadcast: true),
            new("synthetic", UserSet.Synthetic2000, 60, [100, 200, 500], Broadcast: false),
        ],
        ConnectionSteps: [1_000, 2_500, 5_000, 10_000],
        ThroughputRates: [100, 200, 300, 500, 750, 1_000, 1_500],
        ThroughputStep: TimeSpan.FromSeconds(10),
        CatchUpRegions: 10,
        CatchUpClientsPerRegion: 100,
        CatchUpMissed: 100,
        StorageCeiling: TimeSpan.FromSeconds(10),
        Conversation: new("conversation", UserSet.Synthetic2000, 60, [20, 100], Broadcast: false));

    public static ScenarioPlan Smoke() => new(
        FirstWarmUp: TimeSpan.FromSeconds(3),
        WarmUp: TimeSpan.FromSeconds(1),
        Measure: TimeSpan.FromSeconds(3),
        Idle: TimeSpan.FromSeconds(2),
        Delivery:
        [
            new("light", () => UserSet.DemoSpread(20), 4, [10], Broadcast: true),
            new("synthetic", () => UserSet.Synthetic(2, 10, 3, 2, 1), 6, [20], Broadcast: false),
        ],
        ConnectionSteps: [50, 100],
        ThroughputRates: [20, 40],
        ThroughputStep: TimeSpan.FromSeconds(2),
        CatchUpRegions: 2,
        CatchUpClientsPerRegion: 10,
        CatchUpMissed: 5,
        StorageCeiling: TimeSpan.FromSeconds(2),
        Conversation: new("conversation", () => UserSet.Synthetic(2, 10, 3, 2, 1), 4, [10], Broadcast: false));
}

/// <summary>One shape of a load (S1, S5): its users, cases per region, the rates tried, and whether the seed's broadcast peer runs it too.</summary>
public sealed record DeliveryCase(string Label, Func<UserSet> Users, int CasesPerRegion, IReadOnlyList<double> Rates, bool Broadcast);
