using Scalar.AspNetCore;

namespace OrleansCases.Web.ApiDocs;

/// <summary>
/// The OpenAPI document of the HTTP API (/openapi/v1.json) and its reference page (/openapi/reference), in
/// Development only: they describe the contract for client authors; docs/openapi.v1.json is the committed copy.
/// </summary>
public static class ApiDocsExtensions
{
    public const string DocumentPath = "/openapi/{documentName}.json";
    public const string ReferencePath = "/openapi/reference";

    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenApi(o =>
        {
            // The API only: the dashboard's own endpoints are an admin page's, not a contract.
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<ApiDocument>();
            o.AddOperationTransformer<ApiOperations>();
        });
        return builder;
    }

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Environment.IsDevelopment())
        {
            app.MapOpenApi(DocumentPath);
            app.MapScalarApiReference(ReferencePath, o => o.WithOpenApiRoutePattern(DocumentPath));
        }

        return app;
    }
}
