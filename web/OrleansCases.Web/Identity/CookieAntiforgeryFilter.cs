using Microsoft.AspNetCore.Antiforgery;
using OrleansCases.Web.Http;

namespace OrleansCases.Web.Identity;

/// <summary>
/// Refuses a change authorized by a session cookie without a valid antiforgery token in header X-XSRF-TOKEN (400,
/// before the handler runs, so nothing changes); bearer-token requests carry no ambient credential and pass.
/// Applied to every endpoint that changes something.
/// </summary>
public sealed class CookieAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public const string HeaderName = "X-XSRF-TOKEN";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated == true && !AuthSchemes.UsesBearer(http.Request) &&
            !await antiforgery.IsRequestValidAsync(http))
        {
            return Problems.Invalid(HeaderName, "is missing or invalid: a change made with the session cookie needs the token of GET /api/auth/antiforgery in this header.");
        }

        return await next(context);
    }
}
