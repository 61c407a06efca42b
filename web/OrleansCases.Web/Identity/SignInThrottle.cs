using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OrleansCases.Web.Identity;

/// <summary>
/// Limits sign-in attempts (login and token, right or wrong) per user name and per client address. Not a rate
/// limiter policy: the user name is in the body, so the sign-in handler asks here once it has read it.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    /// <summary>Longer names are cut: they cannot be a user's anyway, and a partition key should stay small.</summary>
    private const int MaxKeyLength = 128;

    private readonly PartitionedRateLimiter<string> _byUserName;
    private readonly PartitionedRateLimiter<string> _byAddress;

    public SignInThrottle(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value.RateLimits;
        _byUserName = PartitionedRateLimiter.Create<string, string>(
            name => RateLimitPartition.GetTokenBucketLimiter(name, _ => limits.SignInPerUserName.ToLimiterOptions()), StringComparer.Ordinal);
        _byAddress = PartitionedRateLimiter.Create<string, string>(
            address => RateLimitPartition.GetTokenBucketLimiter(address, _ => limits.SignInPerAddress.ToLimiterOptions()), StringComparer.Ordinal);
    }

    /// <summary>Takes one attempt of the caller's address; the lease says whether it was granted and when to retry.</summary>
    public RateLimitLease AcquireForAddress(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return _byAddress.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    /// <summary>Takes one attempt of a user name, compared the way sign-in compares it (trimmed, case-insensitive).</summary>
    public RateLimitLease AcquireForUserName(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var key = Normalize(userName);
        return _byUserName.AttemptAcquire(key.Length > MaxKeyLength ? key[..MaxKeyLength] : key);
    }

    public static string Normalize(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return userName.Trim().ToLowerInvariant();
    }

    public void Dispose()
    {
        _byUserName.Dispose();
        _byAddress.Dispose();
    }
}
