namespace OrleansCases.Grains.Reads;

/// <summary>One per region: deletes the region's audited reads once they are past their retention.</summary>
[Alias("OrleansCases.IReadAuditSweepGrain")]
public interface IReadAuditSweepGrain : IGrainWithStringKey
{
    /// <summary>Makes sure the region's sweep is scheduled (its reminder set); cheap once it is.</summary>
    [Orleans.Concurrency.OneWay, Alias("EnsureScheduledAsync")]
    Task EnsureScheduledAsync();
}
