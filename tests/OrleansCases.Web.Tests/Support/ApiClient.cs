using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace OrleansCases.Web.Tests.Support;

/// <summary>A signed-in API caller (bearer token) against one web instance.</summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    public ApiClient(WebInstance web, string userId)
        : this(Check(web).Address, TestTokens.For(web, TestTokens.User(userId)))
    {
    }

    private ApiClient(Uri address, string? token)
    {
        _http = new HttpClient { BaseAddress = address };
        if (token is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    /// <summary>A demo user signed in through POST /api/auth/token, as a load client would (any web, e.g. a <see cref="WebProcess"/>).</summary>
    public static async Task<ApiClient> SignInAsync(Uri address, string userId) => new(address, await RequestTokenAsync(address, userId));

    /// <summary>A bearer token for a demo user from POST /api/auth/token of any web.</summary>
    public static async Task<string> RequestTokenAsync(Uri address, string userId)
    {
        using var anonymous = new ApiClient(address, null);
        var answer = await ExpectAsync(
            await anonymous.PostJsonAsync("/api/auth/token", new { username = userId, password = Web.Identity.DemoUsers.Password }),
            HttpStatusCode.OK);
        return answer["accessToken"]!.GetValue<string>();
    }

    /// <summary>A caller with any token at all, or none.</summary>
    public static ApiClient WithToken(WebInstance web, string? token) => new(Check(web).Address, token);

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body) => _http.PostAsJsonAsync(path, body);

    public Task<HttpResponseMessage> PostRawAsync(string path, string body, string contentType = "application/json") =>
        _http.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, contentType));

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>Creates a case and answers its JSON; fails the test unless it is 201.</summary>
    public async Task<JsonObject> CreateAsync(string patientRef = "P-100", string priority = "routine", string? commandId = null)
    {
        var response = await PostJsonAsync("/api/cases", new { patientRef, summary = "Cough and fever", priority, commandId });
        return await ExpectAsync(response, HttpStatusCode.Created);
    }

    public Task<HttpResponseMessage> ActAsync(string caseId, string action, object? body = null) =>
        PostJsonAsync($"/api/cases/{caseId}/actions/{action}", body ?? new { });

    /// <summary>Performs an action that must succeed and answers the case after it.</summary>
    public async Task<JsonObject> DoAsync(string caseId, string action, object? body = null) =>
        await ExpectAsync(await ActAsync(caseId, action, body), HttpStatusCode.OK);

    /// <summary>Posts a message on a case's conversation (docs/design.md section 9).</summary>
    public Task<HttpResponseMessage> PostMessageAsync(string caseId, string text, string clientMessageId) =>
        PostJsonAsync($"/api/cases/{caseId}/messages", new { text, clientMessageId });

    /// <summary>Posts a message that must be stored (201), and answers it.</summary>
    public async Task<JsonObject> SayAsync(string caseId, string text, string? clientMessageId = null) =>
        await ExpectAsync(await PostMessageAsync(caseId, text, clientMessageId ?? Guid.NewGuid().ToString("N")), HttpStatusCode.Created);

    /// <summary>A case's whole thread as its API answers it (200).</summary>
    public async Task<JsonObject> ThreadAsync(string caseId) =>
        await ExpectAsync(await GetAsync($"/api/cases/{caseId}/messages?limit=200"), HttpStatusCode.OK);

    public static async Task<JsonObject> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    public static int Version(JsonObject @case) => @case["version"]!.GetValue<int>();

    public static string Id(JsonObject @case) => @case["id"]!.GetValue<string>();

    public void Dispose() => _http.Dispose();

    private static WebInstance Check(WebInstance web)
    {
        ArgumentNullException.ThrowIfNull(web);
        return web;
    }
}
