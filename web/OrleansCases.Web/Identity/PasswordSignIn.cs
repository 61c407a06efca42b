using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCases.Abstractions;
using OrleansCases.Web.Http;

namespace OrleansCases.Web.Identity;

/// <summary>
/// Development only: checks a user name and password from the request body, after the per-address and per-user-name
/// throttles. Answers the user, or the refusal to send: 400 malformed, 401 wrong, 429 too many attempts.
/// </summary>
public sealed class PasswordSignIn(DemoCredentials credentials, SignInThrottle throttle, ILogger<PasswordSignIn> logger)
{
    private const int MaxUserNameLength = 256;
    private const int MaxPasswordLength = 1024;

    public async Task<(UserRef? User, ProblemHttpResult? Refusal)> CheckAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using (var addressLease = throttle.AcquireForAddress(http))
        {
            if (!addressLease.IsAcquired)
            {
                IdentityLog.SignInThrottled(logger, "address");
                return (null, RateLimitPolicies.TooManyRequests(http, RetryAfter(addressLease)));
            }
        }

        var (body, error) = await JsonBody.ReadAsync<SignInRequest>(http.Request);
        if (error is not null)
        {
            return (null, error);
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body!.Username) || body.Username.Length > MaxUserNameLength)
        {
            errors["username"] = [$"is required, at most {MaxUserNameLength} characters."];
        }

        if (string.IsNullOrEmpty(body.Password) || body.Password.Length > MaxPasswordLength)
        {
            errors["password"] = [$"is required, at most {MaxPasswordLength} characters."];
        }

        if (errors.Count > 0)
        {
            return (null, Problems.Invalid(errors));
        }

        using (var userNameLease = throttle.AcquireForUserName(body.Username!))
        {
            if (!userNameLease.IsAcquired)
            {
                IdentityLog.SignInThrottled(logger, "user name");
                return (null, RateLimitPolicies.TooManyRequests(http, RetryAfter(userNameLease)));
            }
        }

        if (credentials.Verify(body.Username!, body.Password!) is not { } user)
        {
            IdentityLog.SignInRefused(logger);
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized, title: "Unknown user name or wrong password."));
        }

        return (user, null);
    }

    private static TimeSpan? RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null;

    internal void SignedIn(UserRef user, string how) => IdentityLog.SignedIn(logger, user.Id, how);
}
