using Microsoft.Extensions.Options;
using OrleansCases.Abstractions;
using OrleansCases.Web.Cases;

namespace OrleansCases.Web.Live;

/// <summary>
/// Feed cursors for lists and feed reads, handed out only once the bridge knows its position in every region: a
/// cursor from before the bridge's first position would let the events between the two reach the client neither
/// live nor, until its next catch-up, through the feed.
/// </summary>
public sealed class FeedPosition(IClusterClient cluster, CaseEventBridge bridge, IOptions<CasesOptions> options) : IFeedPosition
{
    /// <summary>How long a request waits for a starting bridge before it is answered 503.</summary>
    public static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(5);

    public async Task ReadyAsync(CancellationToken cancellationToken)
    {
        if (bridge.Ready.IsCompletedSuccessfully)
        {
            return;
        }

        try
        {
            await bridge.Ready.WaitAsync(ReadyWait, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new CaseUnavailableException("Live delivery is starting; try again.", ex);
        }
    }

    public async Task<string> CursorForAsync(UserRef caller, (string Region, long Head)? known = null) =>
        (await FeedHeads.CursorForAsync(cluster, caller, options.Value, known)).Encode();
}
