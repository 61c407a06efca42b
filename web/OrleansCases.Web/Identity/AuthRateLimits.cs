using System.Threading.RateLimiting;

namespace OrleansCases.Web.Identity;

/// <summary>
/// The rate limits of docs/design.md section 4 (429 with Retry-After): per signed-in user on the API, and per user name
/// and per client address on sign-in. Each is a token bucket; a test lowers them through configuration.
/// </summary>
public sealed class AuthRateLimits
{
    /// <summary>
    /// Requests per user (by <c>sub</c>) to the API (/api/cases, /api/clinicians, /api/feed, /api/me,
    /// /api/admin/cluster), on each web instance.
    /// </summary>
    public TokenBucketLimit PerUser { get; set; } = new() { TokenLimit = 600, TokensPerPeriod = 100, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    /// <summary>
    /// Hub method calls (WatchCase, UnwatchCase) per user, on each web instance: each WatchCase of a well-formed id
    /// reaches a case grain, so without a bound a client could make the cluster activate grains as fast as it sends.
    /// </summary>
    public TokenBucketLimit HubPerUser { get; set; } = new() { TokenLimit = 60, TokensPerPeriod = 10, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    /// <summary>
    /// Messages posted per user (POST /api/cases/{id}/messages), on each web instance: a burst of 20, then one every 2
    /// seconds, in place of the looser <see cref="PerUser"/> (an endpoint's policy overrides its group's). A
    /// conversation at human pace never meets it; a stuck client posting in a loop fills no thread.
    /// </summary>
    public TokenBucketLimit MessagesPerUser { get; set; } = new() { TokenLimit = 20, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(2) };

    /// <summary>Sign-in attempts (login and token) per user name, right or wrong.</summary>
    public TokenBucketLimit SignInPerUserName { get; set; } = new() { TokenLimit = 10, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(6) };

    /// <summary>Sign-in attempts (login and token) per client address, whatever the user name.</summary>
    public TokenBucketLimit SignInPerAddress { get; set; } = new() { TokenLimit = 60, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };
}

/// <summary>A bucket of <see cref="TokenLimit"/> requests, refilled by <see cref="TokensPerPeriod"/> every <see cref="ReplenishmentPeriod"/>.</summary>
public sealed class TokenBucketLimit
{
    public int TokenLimit { get; set; }

    public int TokensPerPeriod { get; set; }

    public TimeSpan ReplenishmentPeriod { get; set; }

    public TokenBucketRateLimiterOptions ToLimiterOptions() => new()
    {
        TokenLimit = TokenLimit,
        TokensPerPeriod = TokensPerPeriod,
        ReplenishmentPeriod = ReplenishmentPeriod,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    internal void EnsureValid(string setting)
    {
        if (TokenLimit < 1 || TokensPerPeriod < 1 || ReplenishmentPeriod <= TimeSpan.Zero)
        {
            throw AuthOptions.Refuse(setting, "needs TokenLimit and TokensPerPeriod of at least 1 and a positive ReplenishmentPeriod.");
        }
    }
}
