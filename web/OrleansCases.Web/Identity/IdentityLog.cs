namespace OrleansCases.Web.Identity;

/// <summary>Identity's log lines: user ids and outcomes only, never a password, a token or a cookie.</summary>
internal static partial class IdentityLog
{
    [LoggerMessage(1, LogLevel.Information, "User {UserId} signed in ({How})")]
    public static partial void SignedIn(ILogger logger, string userId, string how);

    [LoggerMessage(2, LogLevel.Information, "Sign-in refused: unknown user name or wrong password")]
    public static partial void SignInRefused(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "Sign-in throttled: too many attempts per {Partition}")]
    public static partial void SignInThrottled(ILogger logger, string partition);

    [LoggerMessage(4, LogLevel.Information, "User {UserId} recorded in the user directory")]
    public static partial void UserRecorded(ILogger logger, string userId);

    [LoggerMessage(5, LogLevel.Warning, "User {UserId} could not be recorded in the user directory; will retry on their next request")]
    public static partial void UserRecordFailed(ILogger logger, string userId, Exception exception);

    [LoggerMessage(6, LogLevel.Information, "Bearer token refused: it lacks a consistent sub, role or region")]
    public static partial void IncompleteClaims(ILogger logger);

    [LoggerMessage(7, LogLevel.Warning, "Data Protection keys are stored unencrypted in table {Table}: set Auth:DataProtectionCertificate:Path (PKCS#12, or PEM with :KeyPath) to encrypt them; outside Development the web refuses to start without it")]
    public static partial void KeysUnencrypted(ILogger logger, string table);
}
