using Microsoft.Extensions.Logging;

namespace OrleansCases.Grains;

/// <summary>
/// Every log line the grains write, source-generated. Only ids, versions and sequence numbers appear here:
/// patient data (patientRef, summary, notes) never does.
/// </summary>
internal static partial class GrainLog
{
    [LoggerMessage(1, LogLevel.Warning, "Case {CaseId} could not have version {Version} stored by its region log; it reloads before the next command")]
    public static partial void AppendFailed(ILogger logger, string caseId, int version, Exception exception);

    [LoggerMessage(3, LogLevel.Warning, "Case {CaseId} lost a write race at version {Version}; refreshed from storage")]
    public static partial void WriteConflict(ILogger logger, string caseId, int version);

    [LoggerMessage(4, LogLevel.Error, "Case {CaseId} could not store its home region")]
    public static partial void HomeWriteFailed(ILogger logger, string caseId, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "Region {Region} could not store a batch of {Count} changes from seq {FirstSeq}")]
    public static partial void BatchFailed(ILogger logger, string region, int count, long firstSeq, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "Region {Region} stored seq {FirstSeq}..{LastSeq} but could not publish them; bridges catch up from the feed")]
    public static partial void PublishFailed(ILogger logger, string region, long firstSeq, long lastSeq, Exception exception);

    [LoggerMessage(7, LogLevel.Warning, "Region {Region} refused case {CaseId} version {Version} as stale: its stored version is {StoredVersion}")]
    public static partial void StaleChange(ILogger logger, string region, string caseId, int version, int storedVersion);

    [LoggerMessage(8, LogLevel.Debug, "Region {Region} committed seq {FirstSeq}..{LastSeq} in one batch")]
    public static partial void BatchCommitted(ILogger logger, string region, long firstSeq, long lastSeq);

    [LoggerMessage(11, LogLevel.Debug, "Region {Region} pruned its feed from seq {FirstSeq} to {Floor}")]
    public static partial void FeedPruned(ILogger logger, string region, long firstSeq, long floor);

    [LoggerMessage(12, LogLevel.Debug, "Region {Region} read the times of {Count} feed rows after seq {Floor}")]
    public static partial void FeedTimesRead(ILogger logger, string region, int count, long floor);

    [LoggerMessage(13, LogLevel.Warning, "Region {Region} could not read its feed times after seq {Floor}; pruning waits")]
    public static partial void FeedTimesReadFailed(ILogger logger, string region, long floor, Exception exception);

    [LoggerMessage(9, LogLevel.Error, "Case {CaseId} holds {Stored} history entries for version {Version}")]
    public static partial void HistoryMismatch(ILogger logger, string caseId, int stored, int version);

    [LoggerMessage(14, LogLevel.Warning, "Region {Region} could not store when its users were last seen; the next sweep tries again")]
    public static partial void PresenceSaveFailed(ILogger logger, string region, Exception exception);

    [LoggerMessage(16, LogLevel.Information, "Case {CaseId} escalated to level {Level} at version {Version}")]
    public static partial void Escalated(ILogger logger, string caseId, int level, int version);

    [LoggerMessage(17, LogLevel.Warning, "Case {CaseId} could not set its escalation reminder at version {Version}; the caller is told to retry")]
    public static partial void ReminderFailed(ILogger logger, string caseId, int version, Exception exception);

    [LoggerMessage(19, LogLevel.Debug, "Case {CaseId} is out of the review queue; its escalation reminder is removed")]
    public static partial void EscalationDisarmed(ILogger logger, string caseId);

    [LoggerMessage(18, LogLevel.Information, "Region {Region} deleted {Count} reads past their retention from its read audit")]
    public static partial void AuditSwept(ILogger logger, string region, int count);

    [LoggerMessage(15, LogLevel.Debug, "Region {Region} could not call web instance {Instance} back")]
    public static partial void ObserverFailed(ILogger logger, string region, string instance, Exception exception);
}
