using Microsoft.Extensions.Options;

namespace OrleansCases.Web.Http;

/// <summary>
/// Answers 503 with Retry-After when an API request has not finished within <see cref="DeadlineOptions.RequestTimeout"/>:
/// with storage paused or a silo gone, a phone gets a prompt answer it can retry (with the same commandId) instead of
/// a request that hangs for the cluster's 30 s response timeout. The work goes on behind the answer and its result is
/// dropped; a command it completes answers the retry as a replay.
/// </summary>
public sealed class DeadlineFilter(IOptions<DeadlineOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var handling = next(context);
        if (handling.IsCompleted)
        {
            return await handling;
        }

        try
        {
            return await handling.AsTask().WaitAsync(options.Value.RequestTimeout, context.HttpContext.RequestAborted);
        }
        catch (TimeoutException)
        {
            return Problems.Unavailable(context.HttpContext);
        }
    }
}
