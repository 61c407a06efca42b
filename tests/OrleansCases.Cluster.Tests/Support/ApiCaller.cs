using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrleansCases.Testing;
using Xunit;

namespace OrleansCases.Cluster.Tests.Support;

/// <summary>
/// A demo user signed in with a bearer token against one web instance. Commands are retried with the same commandId
/// until answered 2xx, as the API asks of its clients: a 503 may or may not have applied.
/// </summary>
public sealed class ApiCaller : IDisposable
{
    public const string Unavailable = "503";
    public const string RateLimited = "429";
    public const string NoAnswer = "no answer";

    // Long enough for a silo to be declared dead and its grains to come back on the other one.
    private static readonly TimeSpan _commandDeadline = TimeSpan.FromSeconds(60);
    // Shorter than the API's Retry-After (2 s), which is advice for crowds of clients: here it would blur the outage.
    private static readonly TimeSpan _retryPause = TimeSpan.FromMilliseconds(250);

    private readonly HttpClient _http;
    private readonly OutageLog _outages;

    private ApiCaller(Uri web, string userId, string token, OutageLog outages)
    {
        _http = new HttpClient { BaseAddress = web, Timeout = TimeSpan.FromSeconds(35) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _outages = outages;
        UserId = userId;
        Token = token;
        Web = web;
    }

    public string UserId { get; }

    public string Token { get; }

    public Uri Web { get; }

    /// <summary>Signs in through POST /api/auth/token, as a load client would.</summary>
    public static async Task<ApiCaller> SignInAsync(Uri web, string userId, OutageLog outages)
    {
        using var anonymous = new HttpClient { BaseAddress = web, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = userId, password = DemoPassword.Value });
        var token = (await ExpectAsync(response, HttpStatusCode.OK))["accessToken"]!.GetValue<string>();
        return new ApiCaller(web, userId, token, outages);
    }

    /// <summary>POSTs a command (its body carries the commandId) until it is answered 2xx; answers the case.</summary>
    public async Task<JsonObject> SendAsync(string path, object command)
    {
        var sentAt = DateTimeOffset.UtcNow;
        var deadline = sentAt + _commandDeadline;
        DateTimeOffset? firstFailure = null;
        while (true)
        {
            var startedAt = DateTimeOffset.UtcNow;
            var kind = NoAnswer;
            try
            {
                using var response = await _http.PostAsJsonAsync(path, command);
                var text = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode)
                {
                    _outages.Answered(DateTimeOffset.UtcNow - sentAt);
                    if (firstFailure is { } failedAt)
                    {
                        _outages.Recovered(failedAt);
                    }

                    return JsonNode.Parse(text)!.AsObject();
                }

                kind = response.StatusCode switch
                {
                    HttpStatusCode.ServiceUnavailable => Unavailable,
                    HttpStatusCode.TooManyRequests => RateLimited,
                    _ => throw new InvalidOperationException($"{UserId}: POST {path} answered {(int)response.StatusCode}: {text}"),
                };
            }
            catch (HttpRequestException)
            {
                // No answer at all (the web itself is fine here, so this would be news): retried like a 503.
            }
            catch (TaskCanceledException)
            {
                // Timed out: the outcome is unknown, which is what commandIds are for.
            }
            finally
            {
                _outages.Attempted(DateTimeOffset.UtcNow - startedAt);
            }

            _outages.Failed(kind, startedAt);
            firstFailure ??= startedAt;
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"{UserId}: POST {path} was not answered 2xx within {_commandDeadline.TotalSeconds} s ({_outages.Since(sentAt)}).");
            }

            await Task.Delay(_retryPause);
        }
    }

    /// <summary>GET /api/cases/{id}: the case as storage holds it.</summary>
    public Task<JsonObject> GetCaseAsync(string caseId) => ReadAsync($"/api/cases/{caseId}");

    /// <summary>GET /api/feed: from <paramref name="after"/>, or the current head when it is null.</summary>
    public Task<JsonObject> ReadFeedAsync(string? after) =>
        ReadAsync(after is null ? "/api/feed" : $"/api/feed?after={Uri.EscapeDataString(after)}&limit=500");

    /// <summary>
    /// A GET that must answer 200. A 503 is retried as a client would: right after a kill, a grain coming back on the
    /// surviving silo can answer 503 for a moment (and a case's read is recorded in its read audit, a storage write,
    /// before it is answered). Reads are no commands, so they are not in the outage log.
    /// </summary>
    private async Task<JsonObject> ReadAsync(string path)
    {
        var deadline = DateTimeOffset.UtcNow + _commandDeadline;
        while (true)
        {
            using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTimeOffset.UtcNow > deadline)
            {
                return await ExpectAsync(response, HttpStatusCode.OK);
            }

            await Task.Delay(_retryPause);
        }
    }

    public void Dispose() => _http.Dispose();

    private static async Task<JsonObject> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
