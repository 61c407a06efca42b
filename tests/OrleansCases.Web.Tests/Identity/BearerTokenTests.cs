using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Identity;

/// <summary>Bearer tokens for API and load clients (docs/design.md section 7), and every token the API must refuse.</summary>
[Trait("Category", "Web")]
public sealed class BearerTokenTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_token_endpoint_answers_a_token_with_the_session_claims_that_the_API_accepts()
    {
        using var browser = new Browser(fixture.A.Address);

        var response = await browser.RequestTokenAsync("chw.north");

        var body = await ApiClient.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var token = body["accessToken"]!.GetValue<string>();
        var expiresAt = DateTimeOffset.Parse(body["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiresAt, DateTimeOffset.UtcNow.AddHours(7), DateTimeOffset.UtcNow.AddHours(9));
        Assert.Equal("chw.north", body["user"]!["id"]!.GetValue<string>());
        var claims = ForgedTokens.PayloadOf(token);
        Assert.Equal("chw.north", claims["sub"]!.GetValue<string>());
        Assert.Equal("CHW (north)", claims["name"]!.GetValue<string>());
        Assert.Equal("chw", claims["role"]!.GetValue<string>());
        Assert.Equal("north", claims["region"]!.GetValue<string>());
        Assert.False(response.Headers.Contains("Set-Cookie"));

        using var api = ApiClient.WithToken(fixture.A, token);
        var me = await ApiClient.ExpectAsync(await api.GetAsync("/api/me"), HttpStatusCode.OK);
        Assert.Equal("chw.north", me["id"]!.GetValue<string>());
        // A bearer request carries no ambient credential: no antiforgery header needed.
        await api.CreateAsync(commandId: Guid.NewGuid().ToString("N"));
    }

    [Fact]
    public async Task The_token_endpoint_refuses_a_wrong_password_with_401()
    {
        using var browser = new Browser(fixture.A.Address);

        var response = await browser.RequestTokenAsync("chw.north", "not-the-password");

        var problem = await ApiClient.ExpectAsync(response, HttpStatusCode.Unauthorized);
        Assert.Null(problem["accessToken"]);
    }

    [Theory]
    [InlineData("/api/me")]
    [InlineData("/api/cases")]
    [InlineData("/api/feed")]
    public async Task A_request_without_credentials_gets_401_never_a_redirect(string path)
    {
        using var browser = new Browser(fixture.A.Address);

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_create_without_credentials_gets_401_and_makes_no_case()
    {
        using var owner = new ApiClient(fixture.A, "asha.north");
        var before = await MyCaseIdsAsync(owner);
        using var anonymous = ApiClient.WithToken(fixture.A, null);
        var commandId = Guid.NewGuid().ToString("N");

        var response = await anonymous.PostJsonAsync("/api/cases", Browser.NewCase(commandId));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await MyCaseIdsAsync(owner));
    }

    public static TheoryData<string> BadTokens() => new() { "expired", "bad signature", "alg none", "role edited", "region edited", "subject edited", "garbage" };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_gets_401_on_reads_and_changes_and_changes_nothing(string kind)
    {
        var user = TestTokens.User("asha.north");
        var valid = TestTokens.For(fixture.A, user);
        var token = kind switch
        {
            "expired" => TestTokens.For(fixture.A, user, lifetime: TimeSpan.FromHours(-1)),
            "bad signature" => TestTokens.For(fixture.A, user, signingKey: "some-other-key-that-is-long-enough-0123456789abcdef"),
            "alg none" => ForgedTokens.AlgNone(valid),
            "role edited" => ForgedTokens.WithEditedPayload(valid, p => p["role"] = "chw"),
            "region edited" => ForgedTokens.WithEditedPayload(valid, p => p["region"] = "south"),
            "subject edited" => ForgedTokens.WithEditedPayload(valid, p => p["sub"] = "asha2.north"),
            _ => "not.a.token",
        };
        using var owner = ApiClient.WithToken(fixture.A, valid);
        using var other = new ApiClient(fixture.A, "asha2.north");
        var before = await MyCaseIdsAsync(owner);
        var otherBefore = await MyCaseIdsAsync(other);
        using var forged = ApiClient.WithToken(fixture.A, token);

        var me = await forged.GetAsync("/api/me");
        var list = await forged.GetAsync("/api/cases?view=mine");
        var create = await forged.PostJsonAsync("/api/cases", Browser.NewCase(Guid.NewGuid().ToString("N")));

        Assert.All([me, list, create], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(before, await MyCaseIdsAsync(owner));
        Assert.Equal(otherBefore, await MyCaseIdsAsync(other));
    }

    [Fact]
    public async Task The_hub_takes_a_token_from_the_query_string()
    {
        using var http = new HttpClient { BaseAddress = fixture.A.Address };
        var token = TestTokens.For(fixture.A, TestTokens.User("clinician.south"));

        var withToken = await http.PostAsync(new Uri($"/hubs/cases/negotiate?negotiateVersion=1&access_token={token}", UriKind.Relative), null);
        var withoutToken = await http.PostAsync(new Uri("/hubs/cases/negotiate?negotiateVersion=1", UriKind.Relative), null);
        var withBadToken = await http.PostAsync(new Uri($"/hubs/cases/negotiate?negotiateVersion=1&access_token={ForgedTokens.AlgNone(token)}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withBadToken.StatusCode);
    }

    [Fact]
    public async Task The_server_closes_a_hub_connection_when_its_token_expires()
    {
        var lifetime = TimeSpan.FromSeconds(4);
        var clock = Stopwatch.StartNew();
        var token = TestTokens.For(fixture.A, TestTokens.User("chw.north"), lifetime: lifetime);
        await using var client = await LiveClient.ConnectAsync(fixture.A, "chw.north", token: token);
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);

        await closed.Task.WaitAsync(_timeout);

        Assert.True(clock.Elapsed >= lifetime - TimeSpan.FromSeconds(1), $"Closed after {clock.Elapsed}, before the token expired.");
        Assert.Equal(HubConnectionState.Disconnected, client.Connection.State);
    }

    private static async Task<IReadOnlyList<string>> MyCaseIdsAsync(ApiClient owner)
    {
        var list = await ApiClient.ExpectAsync(await owner.GetAsync("/api/cases?view=mine&limit=200"), HttpStatusCode.OK);
        return [.. list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
    }
}
