using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using OrleansCases.Web.Identity;
using OrleansCases.Web.Tests.Support;

namespace OrleansCases.Web.Tests.Identity;

/// <summary>
/// An HTTP client that behaves like a browser toward one web instance: it keeps cookies (shareable with another
/// instance's client, as a browser shares them across ports of one host), never follows redirects, and can connect
/// from another loopback address to be another client machine. With a bearer token it is an API client instead.
/// </summary>
public sealed class Browser : IDisposable
{
    private readonly HttpClient _http;

    public Browser(Uri baseAddress, CookieContainer? cookies = null, IPAddress? from = null, string? bearerToken = null)
    {
        Cookies = cookies ?? new CookieContainer();
        var handler = new SocketsHttpHandler { CookieContainer = Cookies, UseCookies = true, AllowAutoRedirect = false };
        if (from is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        _http = new HttpClient(handler) { BaseAddress = baseAddress };
        if (bearerToken is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
    }

    public CookieContainer Cookies { get; }

    /// <summary>The antiforgery request token, once <see cref="FetchAntiforgeryTokenAsync"/> got one.</summary>
    public string? AntiforgeryToken { get; private set; }

    public Task<HttpResponseMessage> LoginAsync(string username, string password = DemoUsers.Password) =>
        _http.PostAsJsonAsync("/api/auth/login", new { username, password });

    public Task<HttpResponseMessage> RequestTokenAsync(string username, string password = DemoUsers.Password) =>
        _http.PostAsJsonAsync("/api/auth/token", new { username, password });

    public async Task<string> FetchAntiforgeryTokenAsync()
    {
        var body = await ApiClient.ExpectAsync(await _http.GetAsync(new Uri("/api/auth/antiforgery", UriKind.Relative)), HttpStatusCode.OK);
        return AntiforgeryToken = body["token"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(new Uri(path, UriKind.Relative));

    /// <summary>A JSON POST, with the antiforgery header when <paramref name="antiforgeryToken"/> is given.</summary>
    public async Task<HttpResponseMessage> PostJsonAsync(string path, object body, string? antiforgeryToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (antiforgeryToken is not null)
        {
            request.Headers.Add(CookieAntiforgeryFilter.HeaderName, antiforgeryToken);
        }

        return await SendAsync(request);
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    /// <summary>The ids in the caller's own list (GET /api/cases?view=mine).</summary>
    public async Task<IReadOnlyList<string>> MyCaseIdsAsync()
    {
        var list = await ApiClient.ExpectAsync(await GetAsync("/api/cases?view=mine&limit=200"), HttpStatusCode.OK);
        return [.. list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
    }

    public static object NewCase(string commandId) =>
        new { patientRef = "P-" + commandId[..8], summary = "Cough and fever", priority = "routine", commandId };

    public static async Task<JsonObject> JsonOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    public void Dispose() => _http.Dispose();
}
