namespace OrleansCases.Web.Tests.Support;

/// <summary>
/// The system's clock plus an offset the test moves forward: time keeps running (lists stay in creation order),
/// and a test ages what the grains stored by <see cref="Advance"/> instead of waiting for it.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
