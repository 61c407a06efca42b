namespace OrleansCases.Abstractions;

/// <summary>
/// The ordered log of one region, keyed by region: it numbers the region's changes gaplessly, stores each with the
/// case's list rows in one batch, and is the only publisher of the region's stream.
/// </summary>
[Alias("OrleansCases.IRegionLogGrain")]
public interface IRegionLogGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores and publishes <paramref name="change"/> and answers its sequence number. A (case, version) already
    /// stored answers its existing number and is not stored or published again.
    /// </summary>
    [Alias("AppendAsync")]
    Task<long> AppendAsync(CaseChange change);
}
