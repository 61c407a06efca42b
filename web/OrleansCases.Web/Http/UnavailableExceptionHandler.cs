using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime.Messaging;
using OrleansCases.Abstractions;

namespace OrleansCases.Web.Http;

/// <summary>
/// Storage or the cluster failing under a request is a 503 with Retry-After, never a 500: the client retries with
/// the same commandId and gets the first answer if the command did apply.
/// </summary>
public sealed class UnavailableExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        // ConnectionFailedException: the gateway is unreachable (a silo restarting, seen under load while its
        // replacement starts); GatewayTooBusyException: the gateway sheds load. Both are worth a retry. A cancelled
        // grain call the caller did not cancel: an activation that timed out reading storage (seen right after a
        // storage outage ended).
        var cancelledByCluster = exception is OperationCanceledException && !httpContext.RequestAborted.IsCancellationRequested;
        if (!cancelledByCluster && exception is not (CaseUnavailableException or TimeoutException or SiloUnavailableException
            or OrleansMessageRejectionException or ConnectionFailedException or GatewayTooBusyException))
        {
            return false;
        }

        await Problems.Unavailable(httpContext).ExecuteAsync(httpContext);
        return true;
    }
}
