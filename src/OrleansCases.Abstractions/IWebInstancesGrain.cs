namespace OrleansCases.Abstractions;

/// <summary>
/// Where web instances say how they are doing, for the admin view (key 0). Kept in memory only: every instance
/// reports every few seconds, so a lost activation is whole again within one period.
/// </summary>
[Alias("OrleansCases.IWebInstancesGrain")]
public interface IWebInstancesGrain : IGrainWithIntegerKey
{
    [Alias("ReportAsync")]
    Task ReportAsync(WebInstanceReport report);

    /// <summary>The latest report of every instance heard from recently, by instance.</summary>
    [Alias("ListAsync")]
    Task<IReadOnlyList<WebInstanceReport>> ListAsync();
}
