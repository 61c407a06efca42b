using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OrleansCases.Web.Identity;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Identity;

/// <summary>
/// Outside Development (docs/design.md section 7): no demo users, no password endpoints, tokens from the OpenID Connect
/// authority with users recorded on first sign-in, and a refusal to start with the development key, no authority, or
/// no certificate for the Data Protection keys.
/// </summary>
[Trait("Category", "Web")]
public sealed class ProductionTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    private const string Audience = "orleanscases-api";
    private const string DevelopmentKey = "development-only-signing-key-0123456789-abcdefghijklmnop";

    [Fact]
    public async Task In_production_the_password_endpoints_and_the_demo_users_do_not_exist()
    {
        await using var authority = await FakeAuthority.StartAsync();
        await using var web = Production(authority.Issuer);
        using var browser = new Browser(web.Address);

        var login = await browser.LoginAsync("asha.north");
        var token = await browser.RequestTokenAsync("asha.north");
        var me = await browser.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.NotFound, login.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
        Assert.False(login.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        var directory = web.Services.GetRequiredService<IUserDirectory>();
        Assert.IsType<TableUserDirectory>(directory);
        foreach (var demo in DemoUsers.All)
        {
            Assert.Null(await directory.FindAsync(demo.Id));
        }
    }

    [Fact]
    public async Task In_production_a_token_of_the_authority_signs_the_user_in_and_records_them_in_the_directory()
    {
        await using var authority = await FakeAuthority.StartAsync();
        await using var web = Production(authority.Issuer);
        // A subject as an authority may shape it, with characters a table row key cannot hold.
        var subject = "oidc|clinician/" + Guid.NewGuid().ToString("N")[..8] + "#1?";
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["name"] = "Dr. Rao", ["role"] = "clinician", ["region"] = "north" };
        var directory = web.Services.GetRequiredService<IUserDirectory>();
        Assert.Null(await directory.FindAsync(subject));
        using var api = new Browser(web.Address, bearerToken: authority.TokenFor(Audience, claims));

        var me = await ApiClientJson(await api.GetAsync("/api/me"));

        Assert.Equal(subject, me["id"]!.GetValue<string>());
        Assert.Equal("clinician", me["role"]!.GetValue<string>());
        var recorded = await directory.FindAsync(subject);
        Assert.NotNull(recorded);
        Assert.Equal(("Dr. Rao", Abstractions.UserRole.Clinician, "north"), (recorded.Name, recorded.Role, recorded.Region));
    }

    [Fact]
    public async Task In_production_the_clinicians_offered_for_assignment_are_those_recorded_in_the_region()
    {
        await using var authority = await FakeAuthority.StartAsync();
        await using var web = Production(authority.Issuer);
        var run = Guid.NewGuid().ToString("N")[..8];
        string Token(string sub, string role, string region) => authority.TokenFor(
            Audience, new Dictionary<string, object> { ["sub"] = $"{sub}-{run}", ["name"] = $"{sub} {run}", ["role"] = role, ["region"] = region });
        var users = new[]
        {
            Token("dr-a", "clinician", "north"), Token("dr-b", "clinician", "north"),
            Token("asha", "asha", "north"), Token("dr-south", "clinician", "south"),
        };
        foreach (var token in users)
        {
            using var signIn = new Browser(web.Address, bearerToken: token);
            await ApiClientJson(await signIn.GetAsync("/api/me"));
        }

        using var api = new Browser(web.Address, bearerToken: users[2]);
        var list = await ApiClientJson(await api.GetAsync("/api/clinicians"));

        // The users table outlives this test: only this run's users are compared.
        var mine = list["items"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).Where(id => id.EndsWith(run, StringComparison.Ordinal));
        Assert.Equal([$"dr-a-{run}", $"dr-b-{run}"], mine);
    }

    [Fact]
    public async Task In_production_logs_are_json_and_in_development_plain_text()
    {
        await using var authority = await FakeAuthority.StartAsync();
        await using var production = Production(authority.Issuer);
        await using var development = fixture.Create("Development", new Dictionary<string, string?>());

        Assert.Equal(ConsoleFormatterNames.Json, FormatterOf(production));
        Assert.NotEqual(ConsoleFormatterNames.Json, FormatterOf(development));
    }

    private static string? FormatterOf(WebInstance web)
    {
        _ = web.Address; // starts the app, as it runs
        return web.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;
    }

    public static TheoryData<string> BadAuthorityTokens() => new() { "other audience", "no region", "unknown role", "role edited", "development key" };

    [Theory]
    [MemberData(nameof(BadAuthorityTokens))]
    public async Task In_production_a_bad_token_gets_401_and_records_no_one(string kind)
    {
        await using var authority = await FakeAuthority.StartAsync();
        await using var web = Production(authority.Issuer);
        var subject = "oidc|" + Guid.NewGuid().ToString("N");
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["name"] = "Someone", ["role"] = "chw", ["region"] = "south" };
        var token = kind switch
        {
            "other audience" => authority.TokenFor("someone-else", claims),
            "no region" => authority.TokenFor(Audience, Without(claims, "region")),
            "unknown role" => authority.TokenFor(Audience, With(claims, "role", "superuser")),
            "role edited" => ForgedTokens.WithEditedPayload(authority.TokenFor(Audience, claims), p => p["role"] = "admin"),
            _ => fixture.Plain.Services.GetRequiredService<DevelopmentTokens>().Issue(new(subject, "Someone", Abstractions.UserRole.Chw, "south")).Token,
        };
        using var api = new Browser(web.Address, bearerToken: token);

        var me = await api.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Null(await web.Services.GetRequiredService<IUserDirectory>().FindAsync(subject));
    }

    [Fact]
    public async Task The_app_refuses_to_start_outside_development_with_the_development_signing_key()
    {
        await using var web = fixture.Create("Production", new Dictionary<string, string?>
        {
            ["Auth:Authority"] = "https://login.example.test/",
            ["Auth:DevelopmentSigningKey"] = DevelopmentKey,
        });

        var refusal = Record.Exception(() => web.Services);

        Assert.NotNull(refusal);
        Assert.Contains("Auth:DevelopmentSigningKey", Messages(refusal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_refuses_to_start_outside_development_without_an_authority()
    {
        await using var web = fixture.Create("Staging", new Dictionary<string, string?>());

        var refusal = Record.Exception(() => web.Services);

        Assert.NotNull(refusal);
        Assert.Contains("Auth:Authority", Messages(refusal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_refuses_to_start_outside_development_without_a_data_protection_certificate()
    {
        await using var web = fixture.Create("Production", new Dictionary<string, string?> { ["Auth:Authority"] = "https://login.example.test/" });

        var refusal = Record.Exception(() => web.Services);

        Assert.NotNull(refusal);
        Assert.Contains("Auth:DataProtectionCertificate:Path", Messages(refusal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_refuses_to_start_with_a_data_protection_certificate_it_cannot_open()
    {
        await using var web = fixture.Create("Production", new Dictionary<string, string?>(fixture.Certificate.PfxSettings("not-the-password"))
        {
            ["Auth:Authority"] = "https://login.example.test/",
        });

        var refusal = Record.Exception(() => web.Services);

        Assert.NotNull(refusal);
        Assert.Contains("Auth:DataProtectionCertificate:Path", Messages(refusal), StringComparison.Ordinal);
        Assert.Contains(fixture.Certificate.PfxPath, Messages(refusal), StringComparison.Ordinal);
    }

    private WebInstance Production(string authority) => fixture.Create("Production", new Dictionary<string, string?>(fixture.Certificate.PemSettings)
    {
        ["Auth:Authority"] = authority,
        ["Auth:Audience"] = Audience,
        ["Auth:RequireHttpsMetadata"] = "false",
    });

    private static async Task<System.Text.Json.Nodes.JsonObject> ApiClientJson(HttpResponseMessage response) =>
        await Support.ApiClient.ExpectAsync(response, HttpStatusCode.OK);

    private static Dictionary<string, object> Without(Dictionary<string, object> claims, string name) =>
        claims.Where(c => c.Key != name).ToDictionary();

    private static Dictionary<string, object> With(Dictionary<string, object> claims, string name, object value) =>
        new(claims) { [name] = value };

    private static string Messages(Exception exception)
    {
        var messages = new List<string>();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }
}
