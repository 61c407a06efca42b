using System.Net;
using System.Net.Http.Json;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Identity;

/// <summary>
/// Behind a trusted proxy (Proxy:TrustedNetworks) the per-address sign-in limit counts the client named in
/// X-Forwarded-For; from anywhere else the header is ignored, so nobody can pick the address they are limited by.
/// </summary>
[Trait("Category", "Web")]
public sealed class TrustedProxyTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private const int PerAddress = 2;

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_sign_in_budget()
    {
        await using var web = fixture.Create("Development", Limits(trusted: "127.0.0.0/8"));

        var first = await AttemptsAsync(web, "203.0.113.7", PerAddress + 1);
        var other = await AttemptsAsync(web, "203.0.113.8", 1);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.Unauthorized], other);
    }

    [Fact]
    public async Task Without_a_trusted_proxy_a_forwarded_address_changes_nothing()
    {
        await using var web = fixture.Create("Development", Limits(trusted: null));

        var first = await AttemptsAsync(web, "203.0.113.7", PerAddress);
        var spoofed = await AttemptsAsync(web, "203.0.113.99", 1);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], first);
        Assert.Equal([HttpStatusCode.TooManyRequests], spoofed);
    }

    [Fact]
    public void A_trusted_network_that_is_not_one_stops_the_app_at_start_naming_the_setting()
    {
        using var web = fixture.Create("Development", Limits(trusted: "10.0.0.0/33"));

        var refusal = Assert.ThrowsAny<Exception>(() => web.Address);

        Assert.Contains("Proxy:TrustedNetworks", refusal.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Wrong-password sign-ins, as a proxy would forward them for <paramref name="client"/>.</summary>
    private static async Task<List<HttpStatusCode>> AttemptsAsync(WebInstance web, string client, int count)
    {
        using var http = new HttpClient { BaseAddress = web.Address };
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
            {
                Content = JsonContent.Create(new { username = $"nobody-{Guid.NewGuid():N}", password = "wrong" }),
            };
            request.Headers.Add("X-Forwarded-For", client);
            answers.Add((await http.SendAsync(request)).StatusCode);
        }

        return answers;
    }

    private static Dictionary<string, string?> Limits(string? trusted)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:RateLimits:SignInPerAddress:TokenLimit"] = $"{PerAddress}",
            ["Auth:RateLimits:SignInPerAddress:TokensPerPeriod"] = "1",
            ["Auth:RateLimits:SignInPerAddress:ReplenishmentPeriod"] = "01:00:00",
        };
        if (trusted is not null)
        {
            settings["Proxy:TrustedNetworks:0"] = trusted;
        }

        return settings;
    }
}
