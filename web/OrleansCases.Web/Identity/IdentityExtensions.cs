using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using OrleansCases.Web.Http;
using OrleansCases.Abstractions;

namespace OrleansCases.Web.Identity;

public static class IdentityExtensions
{
    /// <summary>
    /// Cookie sessions and bearer tokens, picked per request (<see cref="AuthSchemes"/>) and giving the same claims;
    /// antiforgery for cookie-authorized changes; rate limits; Data Protection keys shared through Azure Table
    /// storage and encrypted at rest (<see cref="DataProtectionExtensions.AddSharedDataProtection"/>); the user
    /// directory. In Development: demo users, password sign-in and tokens signed with the development key.
    /// Elsewhere: tokens of the OpenID Connect authority, and users recorded on first sign-in.
    /// Refuses to start when the configuration does not fit the environment (<see cref="AuthOptions.EnsureValidFor"/>).
    /// </summary>
    public static WebApplicationBuilder AddCaseIdentity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new();
        var development = builder.Environment.IsDevelopment();
        auth.EnsureValidFor(builder.Environment);

        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        if (development)
        {
            services.AddSingleton<IUserDirectory, DemoUserDirectory>();
            services.AddSingleton<DemoCredentials>();
            services.AddSingleton<SignInThrottle>();
            services.AddSingleton<PasswordSignIn>();
            services.AddSingleton<DevelopmentTokens>();
        }
        else
        {
            services.AddSingleton<TableUserDirectory>();
            services.AddSingleton<IUserDirectory>(sp => sp.GetRequiredService<TableUserDirectory>());
        }

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthSchemes.CookieOrBearer;
                o.DefaultChallengeScheme = AuthSchemes.CookieOrBearer;
            })
            .AddPolicyScheme(AuthSchemes.CookieOrBearer, "Session cookie or bearer token", o => o.ForwardDefaultSelector = http => AuthSchemes.For(http.Request))
            .AddCookie(AuthSchemes.Cookie, o => ConfigureSession(o, auth, development))
            .AddJwtBearer(AuthSchemes.Bearer, o => ConfigureBearer(o, auth, development));
        services.AddAuthorizationBuilder().AddPolicy(AuthPolicies.Admin, p => p.RequireRole(WireName.Of(UserRole.Admin)));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CookieAntiforgeryFilter.HeaderName;
            o.Cookie.Name = "OrleansCases.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.AddCaseRateLimiting();

        services.AddSharedDataProtection(auth);
        return builder;
    }

    /// <summary>The browser session: HttpOnly, SameSite=Strict; an API answers 401 or 403, never a redirect to a page.</summary>
    private static void ConfigureSession(CookieAuthenticationOptions o, AuthOptions auth, bool development)
    {
        o.Cookie.Name = AuthSchemes.SessionCookie;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        o.ExpireTimeSpan = auth.TokenLifetime;
        o.SlidingExpiration = true;
        o.Events = new CookieAuthenticationEvents
        {
            // Sessions are issued from complete users; one that is not (an older cookie format) is no session.
            OnValidatePrincipal = context =>
            {
                if (context.Principal?.ToUserRef() is null)
                {
                    context.RejectPrincipal();
                }

                return Task.CompletedTask;
            },
            OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            },
            OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>
    /// Bearer tokens: in Development, HS256 tokens signed with the development key; elsewhere, tokens of the
    /// configured OpenID Connect authority. Claims keep their JWT names (sub, name, role, region).
    /// </summary>
    private static void ConfigureBearer(JwtBearerOptions o, AuthOptions auth, bool development)
    {
        o.MapInboundClaims = false;
        if (development)
        {
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = auth.Issuer,
                ValidAudience = auth.Audience,
                IssuerSigningKey = DevelopmentTokens.KeyOf(auth),
                ValidateIssuerSigningKey = true,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                NameClaimType = CaseClaims.Name,
                RoleClaimType = CaseClaims.Role,
            };
        }
        else
        {
            o.Authority = auth.Authority;
            o.Audience = auth.Audience;
            o.RequireHttpsMetadata = auth.RequireHttpsMetadata;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                NameClaimType = CaseClaims.Name,
                RoleClaimType = CaseClaims.Role,
            };
        }

        o.Events = new JwtBearerEvents
        {
            // Browsers cannot set headers on WebSockets or server-sent events: the hub takes the token from the query.
            OnMessageReceived = context =>
            {
                if (AuthSchemes.HubToken(context.Request) is { } token)
                {
                    context.Token = token;
                }

                return Task.CompletedTask;
            },
            OnTokenValidated = async context =>
            {
                var services = context.HttpContext.RequestServices;
                if (context.Principal?.ToUserRef() is not { } user)
                {
                    IdentityLog.IncompleteClaims(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdentityExtensions)));
                    context.Fail("The token lacks a consistent sub, role or region.");
                    return;
                }

                if (services.GetService<TableUserDirectory>() is { } directory)
                {
                    await directory.RecordAsync(user, context.HttpContext.RequestAborted);
                }
            },
        };
    }
}
