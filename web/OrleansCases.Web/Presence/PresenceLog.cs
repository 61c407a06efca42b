namespace OrleansCases.Web.Presence;

/// <summary>Presence's log lines, source-generated: regions and counts, never who.</summary>
internal static partial class PresenceLog
{
    [LoggerMessage(1, LogLevel.Warning, "Presence of region {Region} could not be renewed; the next renewal tries again")]
    public static partial void RenewFailed(ILogger logger, string region, Exception exception);

    [LoggerMessage(2, LogLevel.Debug, "A connection's presence in region {Region} could not be told; the next renewal tells it")]
    public static partial void ChangeFailed(ILogger logger, string region, Exception exception);

    [LoggerMessage(3, LogLevel.Warning, "A presence change of region {Region} could not be sent to this instance's connections")]
    public static partial void RelayFailed(ILogger logger, string region, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "A case's viewers or typing could not be sent to this instance's connections")]
    public static partial void CaseSignalRelayFailed(ILogger logger, Exception exception);
}
