using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace OrleansCases.Web.Identity;

/// <summary>
/// The authentication schemes and how a request picks one: a bearer token when it carries one (the Authorization
/// header, or <c>access_token</c> in the query string of a hub request, since browsers cannot set headers on
/// WebSockets and server-sent events); the session cookie otherwise.
/// </summary>
public static class AuthSchemes
{
    /// <summary>The default scheme: forwards to <see cref="Cookie"/> or <see cref="Bearer"/>, per request.</summary>
    public const string CookieOrBearer = "CookieOrBearer";

    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>The name of the browser's session cookie (<see cref="Cookie"/>).</summary>
    public const string SessionCookie = "OrleansCases.Session";

    public const string Bearer = JwtBearerDefaults.AuthenticationScheme;

    public const string HubPath = "/hubs";

    public const string HubTokenParameter = "access_token";

    public static string For(HttpRequest request) => UsesBearer(request) ? Bearer : Cookie;

    /// <summary>Whether the request authenticates with a bearer token rather than with the ambient session cookie.</summary>
    public static bool UsesBearer(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Authorization is [{ } header] && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || HubToken(request) is not null;
    }

    /// <summary>The token a hub request carries in its query string, if any.</summary>
    public static string? HubToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments(HubPath) && request.Query[HubTokenParameter] is [{ Length: > 0 } token] ? token : null;
    }
}
