using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace OrleansCases.Web.Http;

/// <summary>
/// Reads a JSON request body ourselves, so that malformed JSON, wrong types and an oversized body get the same
/// problem details (with <c>errors</c>) as any other invalid input, instead of the framework's empty 400.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, ProblemHttpResult? Error)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, Problems.Invalid(new() { ["body"] = ["must be JSON (Content-Type: application/json)."] }));
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted);
            return value is null
                ? (null, Problems.Invalid(new() { ["body"] = ["must be a JSON object."] }))
                : (value, null);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) ? "body" : ex.Path.TrimStart('$', '.');
            return (null, Problems.Invalid(new() { [path.Length == 0 ? "body" : path] = ["is malformed or of the wrong type."] }));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.",
                detail: "Request bodies are limited to 64 KiB."));
        }
    }
}
