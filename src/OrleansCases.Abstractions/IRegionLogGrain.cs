namespace OrleansCases.Abstractions;

/// <summary>
/// The ordered log of one region, keyed by region: it numbers the region's changes gaplessly, stores each with the
/// case's list rows in one batch, and is the only publisher of the region's stream.
/// </summary>
[Alias("OrleansCases.IRegionLogGrain")]
public interface IRegionLogGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores and publishes <paramref name="change"/> and answers its sequence number. The same change again (case,
    /// version and command) answers its existing number and is neither stored nor published twice. A change whose
    /// version the case's stored history has, or lacks the version before, from another command is refused as
    /// stale: its case grain decided on an outdated state, and must reload and decide again.
    /// </summary>
    [Alias("AppendAsync")]
    Task<CaseAppended> AppendAsync(CaseChange change);

    /// <summary>
    /// The region's last stored seq, from memory once the log has read its head: the bridges' cheap check for
    /// anything the stream lost (they read the feed only when it is ahead of them).
    /// </summary>
    [Alias("HeadAsync")]
    Task<long> HeadAsync();
}
