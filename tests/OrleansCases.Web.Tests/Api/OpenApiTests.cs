using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrleansCases.Testing;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Api;

/// <summary>
/// The OpenAPI document (Development): every mapped API route is in it, and it equals the committed copy
/// docs/openapi.v1.json, so a change of the contract shows in review. ORLEANSCASES_UPDATE_OPENAPI=1 rewrites the copy.
/// </summary>
[Trait("Category", "Web")]
public sealed class OpenApiTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private static readonly string _committed = Path.Combine(Repository.Root, "docs", "openapi.v1.json");

    [Fact]
    public async Task Every_mapped_API_route_is_in_the_document()
    {
        var document = await ReadDocumentAsync();
        var paths = document["paths"]!.AsObject();
        var routes = fixture.A.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m.ToLowerInvariant(), Path: e.RoutePattern.RawText!.TrimEnd('/'))))
            .ToList();

        Assert.NotEmpty(routes);
        var missing = routes.Where(r => paths[r.Path] is not JsonObject operations || operations[r.Method] is null).ToList();
        Assert.True(missing.Count == 0, $"Not in the document: {string.Join(", ", missing.Select(m => $"{m.Method} {m.Path}"))}");
        Assert.Equal(routes.Count, paths.Sum(p => p.Value!.AsObject().Count(o => o.Key is "get" or "post" or "put" or "delete" or "patch")));
    }

    [Fact]
    public async Task The_document_equals_the_committed_copy()
    {
        var document = await ReadDocumentAsync();
        if (Environment.GetEnvironmentVariable("ORLEANSCASES_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(_committed, document.ToJsonString(new() { WriteIndented = true }) + "\n");
        }

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(_committed));
        Assert.True(
            JsonNode.DeepEquals(committed, document),
            $"The API's OpenAPI document differs from {_committed}: if the change is meant, run the tests with ORLEANSCASES_UPDATE_OPENAPI=1 and commit the file.");
    }

    [Fact]
    public async Task Errors_are_problem_details_and_sign_in_is_described()
    {
        var document = await ReadDocumentAsync();
        var create = document["paths"]!["/api/cases"]!["post"]!;
        Assert.Equal(["Cases"], create["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("CreateCase", create["operationId"]!.GetValue<string>());
        foreach (var status in new[] { "401", "429", "503" })
        {
            Assert.NotNull(create["responses"]![status]!["content"]!["application/problem+json"]);
        }

        Assert.NotNull(document["components"]!["securitySchemes"]!["Bearer"]);
        Assert.NotNull(document["components"]!["securitySchemes"]!["Cookies"]);
    }

    [Fact]
    public async Task Every_request_body_and_every_refusal_of_the_API_has_an_example_in_the_APIs_own_spelling()
    {
        var document = await ReadDocumentAsync();
        var operations = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Select(op => (Name: $"{op.Key} {path.Key}", Operation: op.Value!))).ToList();
        foreach (var (name, operation) in operations)
        {
            if (operation["requestBody"] is { } body)
            {
                Assert.True(body["content"]!["application/json"]!["example"] is JsonObject, $"{name} has no request example.");
            }

            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                // 401 and 413 are written by the framework (authentication, Kestrel), not by the API's Problems.
                if (response!["content"]?["application/problem+json"] is { } problem && status is not ("401" or "413"))
                {
                    Assert.True(problem["example"]?["status"]?.GetValue<int>().ToString(CultureInfo.InvariantCulture) == status, $"{name} {status} has no example of its own status.");
                }
            }
        }

        var create = document["paths"]!["/api/cases"]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]!;
        Assert.Equal("urgent", create["priority"]!.GetValue<string>());
        var conflict = document["paths"]!["/api/cases/{id}/actions/{action}"]!["post"]!["responses"]!["409"]!["content"]!["application/problem+json"]!["example"]!;
        Assert.Contains("request-info", conflict["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task The_reference_page_and_its_script_are_served_from_here()
    {
        using var http = new HttpClient { BaseAddress = fixture.A.Address };
        var page = await http.GetStringAsync(new Uri("/openapi/reference", UriKind.Relative));
        var script = System.Text.RegularExpressions.Regex.Match(page, "<script[^>]+src=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(script), page);
        Assert.DoesNotContain("://", script, StringComparison.Ordinal);
        using var served = await http.GetAsync(new Uri(new Uri(fixture.A.Address, "/openapi/reference/"), script));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    private async Task<JsonNode> ReadDocumentAsync()
    {
        using var http = new HttpClient { BaseAddress = fixture.A.Address };
        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
