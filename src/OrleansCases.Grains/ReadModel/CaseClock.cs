namespace OrleansCases.Grains.ReadModel;

/// <summary>
/// The clock the grains read "now" from: history times, feed row times and so feed retention. A keyed service, so a
/// test can put a manual clock here without moving the clock Orleans itself runs on (timers, membership, probes).
/// Unless a host registers one under <see cref="Key"/>, it is the host's <see cref="TimeProvider"/>.
/// </summary>
public static class CaseClock
{
    public const string Key = "OrleansCases";
}
