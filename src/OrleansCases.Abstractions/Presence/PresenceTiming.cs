namespace OrleansCases.Abstractions.Presence;

/// <summary>
/// How presence keeps within its promise (docs/design.md section 9: offline within 30 s of the last connection closing,
/// or of its web instance dying). Each web instance renews its lease every <see cref="Renewal"/> with the whole list
/// of its users; a lease not renewed within <see cref="Lease"/> ends, and the region's grain looks every
/// <see cref="Sweep"/>: a dead instance's users are offline at most Lease + Sweep after its last renewal.
/// </summary>
public static class PresenceTiming
{
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(8);

    /// <summary>Three renewals: one lost call does not take anyone offline.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(25);

    /// <summary>
    /// A user whose last connection closed stays online this long: a phone on a bad network reconnects within it
    /// without its region seeing it leave and come back.
    /// </summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan Sweep = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A lease taken this recently is newer than a renewal that does not name it: the instance took its list, the
    /// connection came, and its call overtook the renewal on the way. Such a lease is left to the next renewal.
    /// </summary>
    public static readonly TimeSpan RenewalOvertaken = TimeSpan.FromSeconds(2);

    /// <summary>A connection's typing on one case reaches the others at most this often; calls in between are dropped.</summary>
    public static readonly TimeSpan Typing = TimeSpan.FromSeconds(2);
}
