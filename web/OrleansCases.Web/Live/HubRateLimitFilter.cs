using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OrleansCases.Web.Http;
using OrleansCases.Web.Identity;
using OrleansCases.Web.Telemetry;

namespace OrleansCases.Web.Live;

/// <summary>
/// The hub's per-user limit (<see cref="AuthRateLimits.HubPerUser"/>): a call over it fails with a HubException that
/// says when to try again, and reaches no grain. The connection stays open; the HTTP API's limit is separate.
/// </summary>
public sealed class HubRateLimitFilter : IHubFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly WebMetrics _metrics;

    public HubRateLimitFilter(IOptions<AuthOptions> options, WebMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limit = options.Value.RateLimits.HubPerUser;
        _limiter = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetTokenBucketLimiter(user, _ => limit.ToLimiterOptions()));
        _metrics = metrics;
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var user = invocationContext.Context.User?.FindFirstValue(CaseClaims.Subject) ?? invocationContext.Context.ConnectionId;
        using var lease = _limiter.AttemptAcquire(user);
        if (!lease.IsAcquired)
        {
            _metrics.Rejected("rate-limited");
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var r) ? r : TimeSpan.FromSeconds(1);
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            throw new HubException($"Too many requests: retry after {seconds} second(s).");
        }

        return await next(invocationContext);
    }

    public void Dispose() => _limiter.Dispose();
}
