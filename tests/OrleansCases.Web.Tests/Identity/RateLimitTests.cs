using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansCases.Abstractions;
using OrleansCases.Web.Identity;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Identity;

/// <summary>
/// Rate limits (docs/design.md section 4): sign-in per user name and per client address, and the API per user, each
/// answering 429 with Retry-After. Each test signs in from loopback addresses of its own, so the per-address budgets
/// of one test do not leak into another.
/// </summary>
[Trait("Category", "Web")]
public sealed class RateLimitTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    [Fact]
    public async Task Sign_in_attempts_are_limited_per_user_name_whatever_the_address()
    {
        using var first = new Browser(fixture.Limited.Address, from: IPAddress.Parse("127.0.0.3"));
        for (var i = 0; i < IdentityFixture.SignInPerUserNameLimit; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await first.LoginAsync("asha.south", "wrong-" + i)).StatusCode);
        }

        var flooded = await first.LoginAsync("asha.south");
        using var second = new Browser(fixture.Limited.Address, from: IPAddress.Parse("127.0.0.4"));
        var fromElsewhere = await second.LoginAsync("ASHA.SOUTH ");
        var tokenFromElsewhere = await second.RequestTokenAsync("asha.south");
        var otherUser = await second.LoginAsync("chw.south");

        foreach (var refused in new[] { flooded, fromElsewhere, tokenFromElsewhere })
        {
            AssertTooManyRequests(refused);
            Assert.False(refused.Headers.Contains("Set-Cookie"));
        }

        Assert.Equal(HttpStatusCode.OK, otherUser.StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_address_whatever_the_user_name()
    {
        using var flooder = new Browser(fixture.Limited.Address, from: IPAddress.Parse("127.0.0.5"));
        for (var i = 0; i < IdentityFixture.SignInPerAddressLimit; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await flooder.LoginAsync($"guess{i}.north", DemoUsers.Password)).StatusCode);
        }

        var flooded = await flooder.LoginAsync("clinician2.north");
        var floodedToken = await flooder.RequestTokenAsync("clinician2.north");
        using var neighbour = new Browser(fixture.Limited.Address, from: IPAddress.Parse("127.0.0.6"));
        var fromElsewhere = await neighbour.LoginAsync("clinician2.north");

        AssertTooManyRequests(flooded);
        AssertTooManyRequests(floodedToken);
        Assert.False(flooded.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.OK, fromElsewhere.StatusCode);
    }

    [Fact]
    public async Task A_flood_of_API_requests_from_one_user_gets_429_and_the_refused_requests_change_nothing()
    {
        using var flooder = new Browser(fixture.Limited.Address, bearerToken: Token("asha.north"));
        var commandIds = Enumerable.Range(0, IdentityFixture.ApiLimit + 3).Select(_ => Guid.NewGuid().ToString("N")).ToArray();
        var answers = new List<HttpResponseMessage>();
        foreach (var commandId in commandIds)
        {
            answers.Add(await flooder.PostJsonAsync("/api/cases", Browser.NewCase(commandId)));
        }

        Assert.All(answers.Take(IdentityFixture.ApiLimit), a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.All(answers.Skip(IdentityFixture.ApiLimit), AssertTooManyRequests);

        // The same user through an instance with the default limits: exactly the accepted creates exist.
        using var reader = new Browser(fixture.Plain.Address, bearerToken: Token("asha.north"));
        var ids = await reader.MyCaseIdsAsync();
        Assert.All(commandIds.Take(IdentityFixture.ApiLimit), c => Assert.Contains(CaseIds.ForCreate("asha.north", c), ids));
        Assert.All(commandIds.Skip(IdentityFixture.ApiLimit), c => Assert.DoesNotContain(CaseIds.ForCreate("asha.north", c), ids));

        // The limit is the user's own: another user of the same instance is served.
        using var neighbour = new Browser(fixture.Limited.Address, bearerToken: Token("asha2.north"));
        await ApiClient.ExpectAsync(await neighbour.GetAsync("/api/cases?view=mine"), HttpStatusCode.OK);
    }

    /// <summary>A token as /api/auth/token would give, signed by the app's own issuer.</summary>
    private string Token(string userId) =>
        fixture.Plain.Services.GetRequiredService<DevelopmentTokens>().Issue(TestTokens.User(userId)).Token;

    private static void AssertTooManyRequests(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, "429 without a Retry-After of at least a second.");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
