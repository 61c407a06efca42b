using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansCases.Web.Identity;

namespace OrleansCases.Web.ApiDocs;

/// <summary>The document's title and the two ways to sign in: a browser's session cookie, a bearer token.</summary>
internal sealed class ApiDocument : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "OrleansCases API",
            Version = "v1",
            Description = "Cases of community health work: create, act, list, read, and catch up on what changed (docs/design.md section 4). "
                + "Every error is problem+json (RFC 9457); 503 and 429 carry Retry-After, and a command retried with its commandId takes effect once.",
        };
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [AuthSchemes.Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token from POST /api/auth/token (Development) or from the OpenID Connect authority.",
            },
            [AuthSchemes.Cookie] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = AuthSchemes.SessionCookie,
                Description = "The portal's session from POST /api/auth/login; changes also need the X-XSRF-TOKEN header from GET /api/auth/antiforgery.",
            },
        };
        return Task.CompletedTask;
    }
}
