using OrleansCases.Abstractions;
using OrleansCases.Web.Cases;

namespace OrleansCases.Web.Live;

/// <summary>The current heads of the feeds a caller follows: their region, or every region for admins.</summary>
public static class FeedHeads
{
    public static IReadOnlyList<string> ScopeOf(UserRef caller, CasesOptions options)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(options);
        return caller.Role == UserRole.Admin ? options.Regions : options.Serves(caller.Region) ? [caller.Region!] : [];
    }

    /// <summary>
    /// A cursor at the head of every region in the caller's scope; <paramref name="known"/> is a head already read.
    /// The others come from their region logs, which hold their heads in memory, all at once: an admin's scope is
    /// every region, and a storage read per region, one after another, took seconds at 122 regions.
    /// </summary>
    public static async Task<FeedCursor> CursorForAsync(
        IClusterClient cluster, UserRef caller, CasesOptions options, (string Region, long Head)? known = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var heads = await Task.WhenAll(ScopeOf(caller, options).Select(async region =>
            (region, known is { } k && k.Region == region ? k.Head : await cluster.GetGrain<IRegionLogGrain>(region).HeadAsync())));
        var cursor = FeedCursor.Empty;
        foreach (var (region, head) in heads)
        {
            cursor = cursor.With(region, head);
        }

        return cursor;
    }
}
