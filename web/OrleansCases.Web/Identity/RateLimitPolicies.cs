using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansCases.Web.Http;

namespace OrleansCases.Web.Identity;

/// <summary>The per-user API rate limits and the 429 answer every limit gives.</summary>
public static class RateLimitPolicies
{
    /// <summary>The policy API groups require: a token bucket per signed-in user (their <c>sub</c>).</summary>
    public const string PerUser = "per-user";

    /// <summary>The policy of posting messages: a second, smaller bucket per user.</summary>
    public const string MessagesPerUser = "messages-per-user";

    public static IServiceCollection AddCaseRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var r) ? r : (TimeSpan?)null;
                return new ValueTask(TooManyRequests(context.HttpContext, retryAfter).ExecuteAsync(context.HttpContext));
            };
            o.AddPolicy(PerUser, http => ByUser(http, http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.RateLimits.PerUser));
            o.AddPolicy(MessagesPerUser, http => ByUser(http, http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.RateLimits.MessagesPerUser));
        });
        return services;
    }

    private static RateLimitPartition<string> ByUser(HttpContext http, TokenBucketLimit limit)
    {
        // Requests reach these policies signed in (they run after authorization); the address is a fallback only.
        var key = http.User.FindFirstValue(CaseClaims.Subject) is { } sub
            ? "user:" + sub
            : "address:" + http.Connection.RemoteIpAddress;
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => limit.ToLimiterOptions());
    }

    /// <summary>429 problem details with Retry-After in whole seconds (at least 1).</summary>
    public static ProblemHttpResult TooManyRequests(HttpContext http, TimeSpan? retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling((retryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds));
        return Problems.RetryLater(
            http, seconds, StatusCodes.Status429TooManyRequests, "Too many requests.", $"Retry after {seconds} second(s).");
    }
}
