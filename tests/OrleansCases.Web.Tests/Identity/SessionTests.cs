using System.Net;
using Azure.Data.Tables;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansCases.Web.Identity;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Identity;

/// <summary>Browser sessions (docs/design.md section 7): the cookie, sign-out, antiforgery, and sessions across web instances.</summary>
[Trait("Category", "Web")]
public sealed class SessionTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task Login_sets_an_HttpOnly_SameSite_Strict_session_cookie_and_me_answers_the_user()
    {
        using var browser = new Browser(fixture.A.Address);

        var login = await browser.LoginAsync("clinician.north");

        var user = await ApiClient.ExpectAsync(login, HttpStatusCode.OK);
        Assert.Equal("clinician.north", user["id"]!.GetValue<string>());
        Assert.Equal("clinician", user["role"]!.GetValue<string>());
        Assert.Equal("north", user["region"]!.GetValue<string>());
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("OrleansCases.Session=", StringComparison.Ordinal));
        var attributes = cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToArray();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/", attributes);

        var me = await ApiClient.ExpectAsync(await browser.GetAsync("/api/me"), HttpStatusCode.OK);
        Assert.Equal("clinician.north", me["id"]!.GetValue<string>());
        Assert.Equal("Clinician (north)", me["name"]!.GetValue<string>());
        Assert.Equal("clinician", me["role"]!.GetValue<string>());
        Assert.Equal("north", me["region"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_admin_session_has_no_region()
    {
        using var browser = new Browser(fixture.A.Address);
        await ApiClient.ExpectAsync(await browser.LoginAsync("admin"), HttpStatusCode.OK);

        var me = await ApiClient.ExpectAsync(await browser.GetAsync("/api/me"), HttpStatusCode.OK);

        Assert.Equal("admin", me["role"]!.GetValue<string>());
        Assert.Null(me["region"]);
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        using var browser = new Browser(fixture.A.Address);
        await ApiClient.ExpectAsync(await browser.LoginAsync("asha.north"), HttpStatusCode.OK);
        var token = await browser.FetchAntiforgeryTokenAsync();

        var logout = await browser.PostJsonAsync("/api/auth/logout", new { }, token);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        var me = await browser.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Null(me.Headers.Location);
    }

    [Fact]
    public async Task Logout_without_the_antiforgery_header_is_refused_and_the_session_goes_on()
    {
        using var browser = new Browser(fixture.A.Address);
        await ApiClient.ExpectAsync(await browser.LoginAsync("asha.north"), HttpStatusCode.OK);

        var logout = await browser.PostJsonAsync("/api/auth/logout", new { });

        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        await ApiClient.ExpectAsync(await browser.GetAsync("/api/me"), HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("asha.north", "wrong-pass")]
    [InlineData("asha.north", "DEMO-PASS")]
    [InlineData("nobody.north", DemoUsers.Password)]
    public async Task A_wrong_password_or_unknown_user_gets_401_and_no_session(string username, string password)
    {
        using var browser = new Browser(fixture.A.Address);

        var login = await browser.LoginAsync(username, password);

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal("application/problem+json", login.Content.Headers.ContentType?.MediaType);
        Assert.False(login.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_login_without_a_user_name_or_password_gets_400_with_errors()
    {
        using var browser = new Browser(fixture.A.Address);

        var login = await browser.PostJsonAsync("/api/auth/login", new { username = "asha.north" });

        var problem = await ApiClient.ExpectAsync(login, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["password"]);
        Assert.False(login.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_change_made_with_the_session_cookie_needs_the_antiforgery_header()
    {
        using var browser = new Browser(fixture.A.Address);
        await ApiClient.ExpectAsync(await browser.LoginAsync("asha2.north"), HttpStatusCode.OK);
        var before = await browser.MyCaseIdsAsync();

        var withoutHeader = await browser.PostJsonAsync("/api/cases", Browser.NewCase(Guid.NewGuid().ToString("N")));
        var withWrongHeader = await browser.PostJsonAsync("/api/cases", Browser.NewCase(Guid.NewGuid().ToString("N")), "not-a-token");

        foreach (var refused in new[] { withoutHeader, withWrongHeader })
        {
            var problem = await ApiClient.ExpectAsync(refused, HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]![CookieAntiforgeryFilter.HeaderName]);
        }

        Assert.Equal(before, await browser.MyCaseIdsAsync());

        var token = await browser.FetchAntiforgeryTokenAsync();
        var created = await ApiClient.ExpectAsync(
            await browser.PostJsonAsync("/api/cases", Browser.NewCase(Guid.NewGuid().ToString("N")), token), HttpStatusCode.Created);
        Assert.Equal([.. before.Append(ApiClient.Id(created)).Order(StringComparer.Ordinal)], await browser.MyCaseIdsAsync());
    }

    [Fact]
    public async Task An_action_made_with_the_session_cookie_without_the_header_changes_nothing()
    {
        using var browser = new Browser(fixture.A.Address);
        await ApiClient.ExpectAsync(await browser.LoginAsync("asha.north"), HttpStatusCode.OK);
        var token = await browser.FetchAntiforgeryTokenAsync();
        var created = await ApiClient.ExpectAsync(
            await browser.PostJsonAsync("/api/cases", Browser.NewCase(Guid.NewGuid().ToString("N")), token), HttpStatusCode.Created);
        var id = ApiClient.Id(created);

        var forward = await browser.PostJsonAsync($"/api/cases/{id}/actions/forward", new { });

        Assert.Equal(HttpStatusCode.BadRequest, forward.StatusCode);
        var after = await ApiClient.ExpectAsync(await browser.GetAsync($"/api/cases/{id}"), HttpStatusCode.OK);
        Assert.Equal(1, ApiClient.Version(after));
        Assert.Equal("Open", after["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_antiforgery_token_needs_a_session()
    {
        using var browser = new Browser(fixture.A.Address);

        var response = await browser.GetAsync("/api/auth/antiforgery");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_session_and_antiforgery_token_from_instance_A_work_on_instance_B()
    {
        using var onA = new Browser(fixture.A.Address);
        await ApiClient.ExpectAsync(await onA.LoginAsync("chw.south"), HttpStatusCode.OK);
        var token = await onA.FetchAntiforgeryTokenAsync();
        using var onB = new Browser(fixture.B.Address, onA.Cookies);

        var me = await ApiClient.ExpectAsync(await onB.GetAsync("/api/me"), HttpStatusCode.OK);
        var created = await onB.PostJsonAsync("/api/cases", Browser.NewCase(Guid.NewGuid().ToString("N")), token);

        Assert.Equal("chw.south", me["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task Every_instance_keeps_its_data_protection_keys_in_the_shared_table()
    {
        _ = fixture.A.Address;
        _ = fixture.B.Address;
        var stored = new HashSet<string>(StringComparer.Ordinal);
        var tables = fixture.A.Services.GetRequiredService<TableServiceClient>();
        var table = tables.GetTableClient(fixture.A.Services.GetRequiredService<IOptions<AuthOptions>>().Value.DataProtectionTable);
        await foreach (var row in table.QueryAsync<TableEntity>(r => r.PartitionKey == TableXmlRepository.ApplicationName))
        {
            stored.Add(row.GetString("Xml"));
        }

        foreach (var web in new[] { fixture.A, fixture.B })
        {
            Assert.IsType<TableXmlRepository>(web.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
            var keys = web.Services.GetRequiredService<IKeyManager>().GetAllKeys();
            Assert.NotEmpty(keys);
            Assert.All(keys, k => Assert.Contains(stored, xml => xml.Contains($"id=\"{k.KeyId}\"", StringComparison.Ordinal)));
        }
    }
}
