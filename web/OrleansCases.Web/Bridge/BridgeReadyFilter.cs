using OrleansCases.Web.Cases;

namespace OrleansCases.Web.Bridge;

/// <summary>
/// Holds a request that hands out a feed cursor (a list, a feed read) until the bridge knows its position in every
/// region, or answers 503 after <see cref="Wait"/>. A cursor from before the bridge's first position would let the
/// events between the two reach this client neither live nor, until its next catch-up, through the feed.
/// </summary>
public sealed class BridgeReadyFilter(CaseEventBridge bridge) : IEndpointFilter
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!bridge.Ready.IsCompletedSuccessfully)
        {
            try
            {
                await bridge.Ready.WaitAsync(Wait, context.HttpContext.RequestAborted);
            }
            catch (TimeoutException)
            {
                return Problems.Unavailable(context.HttpContext);
            }
        }

        return await next(context);
    }
}
