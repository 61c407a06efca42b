namespace OrleansCases.Web.Live;

/// <summary>The bridge's log lines: regions, sequence numbers and reasons only, never case content.</summary>
internal static partial class BridgeLog
{
    [LoggerMessage(1, LogLevel.Information, "Bridge subscribed to region {Region} from seq {Seq}")]
    public static partial void Subscribed(ILogger logger, string region, long seq);

    [LoggerMessage(2, LogLevel.Warning, "Bridge could not subscribe to region {Region}; will retry")]
    public static partial void SubscribeFailed(ILogger logger, string region, Exception exception);

    [LoggerMessage(3, LogLevel.Warning, "Bridge stream of region {Region} failed; resubscribing")]
    public static partial void StreamFailed(ILogger logger, string region, Exception exception);

    [LoggerMessage(4, LogLevel.Information, "Bridge filled a gap in region {Region}: seq {From}..{To} from the feed")]
    public static partial void GapFilled(ILogger logger, string region, long from, long to);

    [LoggerMessage(5, LogLevel.Warning, "Bridge could not fill a gap in region {Region} after seq {Seq}; clients told to resync")]
    public static partial void GapNotFilled(ILogger logger, string region, long seq, Exception? exception);

    [LoggerMessage(6, LogLevel.Warning, "Bridge could not push seq {Seq} of region {Region}")]
    public static partial void SendFailed(ILogger logger, string region, long seq, Exception exception);

    [LoggerMessage(7, LogLevel.Debug, "Bridge could not ask region {Region} for its head; asks again at the next poll")]
    public static partial void PollFailed(ILogger logger, string region, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "Bridge fell behind the feed's retention in region {Region}: seq {From}..{Floor} were pruned before it sent them; clients told to resync")]
    public static partial void FellBehindRetention(ILogger logger, string region, long from, long floor);

    [LoggerMessage(9, LogLevel.Information, "Bridge told {Connections} connections of region {Region} and the admins to resync at seq {Seq}")]
    public static partial void ResyncSent(ILogger logger, string region, int connections, long seq);

    [LoggerMessage(10, LogLevel.Information, "Bridge stopped without unsubscribing all of its {Regions} regions in time (cluster unreachable?); the cluster drops what is left")]
    public static partial void UnsubscribeAbandoned(ILogger logger, int regions);
}
