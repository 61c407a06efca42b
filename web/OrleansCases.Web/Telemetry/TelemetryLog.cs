namespace OrleansCases.Web.Telemetry;

/// <summary>The telemetry's own log lines.</summary>
internal static partial class TelemetryLog
{
    [LoggerMessage(60, LogLevel.Debug, "Could not report this instance to the cluster; the next report tries again")]
    public static partial void ReportFailed(ILogger logger, Exception exception);
}
