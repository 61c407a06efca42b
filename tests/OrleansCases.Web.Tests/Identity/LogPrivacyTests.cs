using System.Net;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Identity;

/// <summary>
/// With the app's own log levels, nothing secret or private reaches the logs (design.md section 6.8): not a
/// password (right or wrong), not a token (even the one in the hub URL), not a patient's reference, summary or note.
/// </summary>
[Trait("Category", "Web")]
public sealed class LogPrivacyTests(IdentityFixture fixture) : IClassFixture<IdentityFixture>
{
    [Fact]
    public async Task Sign_ins_tokens_hub_connections_and_case_contents_never_reach_the_logs()
    {
        using var logs = new LogCapture();
        // The levels of appsettings.json (Information, request logging at Warning), not the tests' quieter default.
        await using var web = fixture.Create("Development", new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" }, logs);
        const string WrongPassword = "not-the-password-71f3";
        var patient = "P-" + Guid.NewGuid().ToString("N")[..12];
        const string Summary = "Private summary 5d2e: chest pain";
        const string Note = "Private note 9a41: family history";

        using var browser = new Browser(web.Address);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.LoginAsync("asha.north", WrongPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.LoginAsync("asha.north")).StatusCode);
        var issued = await ApiClient.ExpectAsync(await browser.RequestTokenAsync("chw.north"), HttpStatusCode.OK);
        var token = issued["accessToken"]!.GetValue<string>();
        // A browser's WebSocket carries its token in the URL (the .NET client below uses a header instead).
        using (var anonymous = new Browser(web.Address))
        {
            await anonymous.GetAsync($"/hubs/cases?id=unknown-connection&access_token={token}");
        }

        await using (var live = await LiveClient.ConnectAsync(web, "chw.north", token: token))
        {
            using var asha = new ApiClient(web, "asha.north");
            var created = await ApiClient.ExpectAsync(
                await asha.PostJsonAsync("/api/cases", new { patientRef = patient, summary = Summary, priority = "urgent" }), HttpStatusCode.Created);
            await asha.DoAsync(ApiClient.Id(created), "forward", new { note = Note });
            await live.WaitForAsync(ApiClient.Id(created), 2);
        }

        var lines = logs.Lines;
        Assert.NotEmpty(lines);
        foreach (var secret in new[] { Web.Identity.DemoUsers.Password, WrongPassword, token, token.Split('.')[2], patient, Summary, Note })
        {
            Assert.DoesNotContain(lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }
}
