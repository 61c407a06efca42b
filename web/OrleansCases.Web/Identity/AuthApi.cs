using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCases.Web.Http;

namespace OrleansCases.Web.Identity;

/// <summary>Sign-in, sign-out and the caller (docs/design.md sections 4 and 7). The password endpoints exist in Development only.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api").WithTags("Identity").AddEndpointFilter<DeadlineFilter>();
        var auth = api.MapGroup("/auth");

        if (app.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            auth.MapPost("/login", LoginAsync).WithName("Login").WithSummary("Development: signs in with a password; answers a session cookie.")
                .WithJsonBody(SignInRequest.Example).ProducesProblem(400).ProducesProblem(401).ProducesProblem(429);
            auth.MapPost("/token", IssueTokenAsync).WithName("IssueToken").WithSummary("Development: a bearer token for a user name and password.")
                .WithJsonBody(SignInRequest.Example).ProducesProblem(400).ProducesProblem(401).ProducesProblem(429);
        }

        // As a Delegate: a handler taking only HttpContext would otherwise bind as a RequestDelegate and drop its result.
        auth.MapPost("/logout", (Delegate)LogoutAsync).WithName("Logout").WithSummary("Ends the session.").AddEndpointFilter<CookieAntiforgeryFilter>();
        auth.MapGet("/antiforgery", Antiforgery).WithName("GetAntiforgeryToken").WithSummary("The token a session must send as X-XSRF-TOKEN with every change.").RequireAuthorization();
        api.MapGet("/me", Me).WithName("GetMe").WithSummary("The signed-in user.").RequireAuthorization().RequireRateLimiting(RateLimitPolicies.PerUser);

        return api;
    }

    /// <summary>A browser session: an HttpOnly, SameSite=Strict cookie carrying the user's claims.</summary>
    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> LoginAsync(HttpContext http, PasswordSignIn signIn)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(signIn);
        var (user, refusal) = await signIn.CheckAsync(http);
        if (refusal is not null)
        {
            return refusal;
        }

        var identity = new ClaimsIdentity(CaseClaims.For(user!), AuthSchemes.Cookie, CaseClaims.Name, CaseClaims.Role);
        await http.SignInAsync(AuthSchemes.Cookie, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
        signIn.SignedIn(user!, "session");
        return TypedResults.Ok(UserResponse.From(user!));
    }

    /// <summary>A bearer token for API and load clients.</summary>
    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        HttpContext http, PasswordSignIn signIn, DevelopmentTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(tokens);
        var (user, refusal) = await signIn.CheckAsync(http);
        if (refusal is not null)
        {
            return refusal;
        }

        var (token, expiresAt) = tokens.Issue(user!);
        http.Response.Headers.CacheControl = "no-store";
        signIn.SignedIn(user!, "token");
        return TypedResults.Ok(new TokenResponse(token, expiresAt, UserResponse.From(user!)));
    }

    /// <summary>Ends the browser session; answers 204 whether or not there was one.</summary>
    public static async Task<NoContent> LogoutAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        await http.SignOutAsync(AuthSchemes.Cookie);
        return TypedResults.NoContent();
    }

    /// <summary>The request token to send as X-XSRF-TOKEN; its cookie half goes out with this answer.</summary>
    public static Ok<AntiforgeryTokenResponse> Antiforgery(HttpContext http, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(antiforgery);
        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new AntiforgeryTokenResponse(tokens.RequestToken!));
    }

    public static Results<Ok<UserResponse>, UnauthorizedHttpResult> Me(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.ToUserRef() is { } user ? TypedResults.Ok(UserResponse.From(user)) : TypedResults.Unauthorized();
    }
}
