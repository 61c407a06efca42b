namespace OrleansCases.Web.Telemetry;

/// <summary>Counts every request answered 4xx or 5xx by reason, outermost so that it sees the final status.</summary>
public sealed class RejectedRequestsMiddleware(RequestDelegate next, WebMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        finally
        {
            if (context.Response.StatusCode >= 400)
            {
                metrics.Rejected(ReasonOf(context.Response.StatusCode));
            }
        }
    }

    private static string ReasonOf(int status) => status switch
    {
        400 => "invalid",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not-found",
        409 => "conflict",
        410 => "gone",
        413 => "too-large",
        429 => "rate-limited",
        503 => "unavailable",
        >= 500 => "error",
        _ => "other",
    };
}
