using System.ComponentModel.DataAnnotations;

namespace OrleansCases.Web.Live;

/// <summary>Limits of the hub's connections.</summary>
public sealed class CaseHubOptions
{
    public const string Section = "Hub";

    /// <summary>
    /// How long a single send to a connection may wait for its client to take it. A client that stops reading (a
    /// frozen tab, a phone that lost its radio without closing the socket) is closed past it, and what was queued for
    /// it is let go: the bound on the memory one slow connection can hold, about this long of its events. It catches
    /// up through the feed when it reconnects.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan TransportSendTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
