using Microsoft.AspNetCore.Diagnostics;
using OrleansCases.Abstractions;

namespace OrleansCases.Web.Cases;

/// <summary>
/// Storage or the cluster failing under a request is a 503 with Retry-After, never a 500: the client retries with
/// the same commandId and gets the first answer if the command did apply.
/// </summary>
public sealed class UnavailableExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not (CaseUnavailableException or TimeoutException or SiloUnavailableException or OrleansMessageRejectionException))
        {
            return false;
        }

        await Problems.Unavailable(httpContext).ExecuteAsync(httpContext);
        return true;
    }
}
