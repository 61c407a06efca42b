using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>An answer as the fuzzer keeps it: status, media type, body text, and the headers it checks.</summary>
public sealed record Answer(int Status, string? MediaType, string Text, string? Location, string? RetryAfter)
{
    public JsonNode? Json()
    {
        try
        {
            return Text.Length == 0 ? null : JsonNode.Parse(Text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Sends the fuzzer's HTTP requests to either web instance, as any caller, with any body, and counts them.</summary>
public sealed class FuzzHttp(FuzzFixture fixture, FuzzStats stats) : IDisposable
{
    private readonly HttpClient[] _clients =
        [.. fixture.Webs.Select(w => new HttpClient { BaseAddress = w.Address, Timeout = TimeSpan.FromSeconds(60) })];

    public async Task<Answer> SendAsync(FuzzCaller caller, int web, HttpMethod method, string path, RenderedBody? body = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (caller.Token is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body?.Bytes is { } bytes)
        {
            var content = new ByteArrayContent(bytes);
            if (body.ContentType is { } type)
            {
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            }

            request.Content = content;

            // Kestrel answers a body over its limit with 413 and closes the connection without reading the rest; a
            // pooled connection the client sent on again before it saw the close ended the next request unanswered.
            if (bytes.Length > Web.Http.HttpExtensions.MaxRequestBodySize)
            {
                request.Headers.ConnectionClose = true;
            }
        }
        else if (method == HttpMethod.Post)
        {
            request.Content = new ByteArrayContent([]);
        }

        HttpResponseMessage response;
        string text;
        try
        {
            response = await _clients[web % _clients.Length].SendAsync(request);
            text = await response.Content.ReadAsStringAsync();
        }
        catch (HttpRequestException ex)
        {
            // No answer at all: the checks decide whether that may be (status 0), and the run goes on.
            stats.Answered(0);
            return new Answer(0, null, $"{ex.Message} {ex.InnerException?.Message}", null, null);
        }

        using var disposing = response;
        stats.Answered((int)response.StatusCode);
        return new Answer(
            (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text, response.Headers.Location?.OriginalString,
            response.Headers.RetryAfter?.ToString());
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
