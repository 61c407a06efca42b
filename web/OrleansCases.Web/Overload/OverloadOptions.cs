using System.ComponentModel.DataAnnotations;

namespace OrleansCases.Web.Overload;

/// <summary>What one web instance takes on before it refuses more, instead of queueing without bound.</summary>
public sealed class OverloadOptions
{
    public const string Section = "Overload";

    /// <summary>
    /// API requests in progress at once; one more is answered 503 with Retry-After at once. Commands take milliseconds,
    /// so hundreds in progress means the cluster or storage is not keeping up, and queueing more only makes each later.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxConcurrentRequests { get; set; } = 512;

    /// <summary>
    /// Connections at once: three quarters for WebSockets, a quarter for requests; past it Kestrel refuses new ones.
    /// Unset, it is what this process's file-descriptor limit leaves after a reserve (<see cref="DescriptorBudget"/>):
    /// at the descriptor limit the process died ("Out of memory."), where refusing connections keeps everyone
    /// connected served.
    /// </summary>
    [Range(1, 10_000_000)]
    public int? MaxConnections { get; set; }
}
