using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OrleansCases.Web.Http;

namespace OrleansCases.Web.Overload;

/// <summary>
/// Admits at most <see cref="OverloadOptions.MaxConcurrentRequests"/> API requests at once and answers the rest 503
/// with Retry-After at once: past what the instance can carry it sheds load instead of queueing it.
/// </summary>
public sealed class ConcurrencyGateMiddleware(RequestDelegate next, IOptions<OverloadOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.MaxConcurrentRequests,
        QueueLimit = 0,
    });

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        using var lease = _limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            await Problems.Overloaded(context).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    public void Dispose() => _limiter.Dispose();
}
