using System.ComponentModel.DataAnnotations;

namespace OrleansCases.Web.Live;

/// <summary>How the bridge checks for what its streams did not bring, and how often it may tell clients to resync.</summary>
public sealed class BridgeOptions
{
    public const string Section = "Bridge";

    /// <summary>
    /// How often the bridge asks each region's log for its head, and reads the feed when the head is ahead: the bound
    /// on how late an event the stream lost (a silo that died before publishing it) reaches clients.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The shortest time between two <c>resync</c>s to one region's clients; a further one inside it is sent once,
    /// when it ends. A storage blip then costs each client one catch-up, not one per failed event.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ResyncSpacing { get; set; } = TimeSpan.FromSeconds(5);
}
