using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using OrleansCases.Web.Http;
using OrleansCases.Web.Identity;

namespace OrleansCases.Web.ApiDocs;

/// <summary>
/// Per operation: the JSON body it reads itself (<see cref="JsonBodyMetadata"/>) with its example, and what every
/// operation may answer besides its own results: 401 and the rate limit's 429 where a caller must be signed in, and
/// 503 (deadline, storage, cluster, overload) everywhere, with Retry-After; each refusal a problem+json with an
/// example (<see cref="ApiExamples"/>).
/// </summary>
internal sealed class ApiOperations(IOptions<JsonOptions> options) : IOpenApiOperationTransformer
{
    private readonly JsonSerializerOptions _json = ApiExamples.OptionsFrom(options.Value.SerializerOptions);

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        operation.Responses ??= new OpenApiResponses();
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<JsonBodyMetadata>().FirstOrDefault() is { } body)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new()
                    {
                        Schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken),
                        Example = ApiExamples.Serialize(body.Example, _json),
                    },
                },
            };
        }

        var signedIn = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any();
        if (signedIn)
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AuthSchemes.Bearer, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AuthSchemes.Cookie, context.Document)] = [] },
            ];
            Add(operation, "401", "Not signed in, or the session or token is no longer valid.");
            Add(operation, "429", "Too many requests from this user: retry after Retry-After.");
        }

        Add(operation, "503", "Not answered in time, or storage or the cluster is unavailable: retry after Retry-After (with the same commandId).");
        AddProblemExamples(operation, _json);
    }

    private static void AddProblemExamples(OpenApiOperation operation, JsonSerializerOptions json)
    {
        foreach (var (status, response) in operation.Responses!)
        {
            if (response.Content?.TryGetValue("application/problem+json", out var problem) == true && problem is OpenApiMediaType media)
            {
                media.Example ??= ApiExamples.Problem(status, json);
            }
        }
    }

    private static void Add(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() },
        };
    }
}
