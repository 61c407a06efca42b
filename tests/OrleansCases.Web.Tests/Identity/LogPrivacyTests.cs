using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Identity;

/// <summary>
/// With the app's own log levels, nothing secret or private reaches the logs (docs/design.md section 6.8): not a
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

    public static TheoryData<HttpTransportType> Transports => [HttpTransportType.WebSockets, HttpTransportType.ServerSentEvents, HttpTransportType.LongPolling];

    /// <summary>
    /// A browser's client sends the token as access_token in the URL of every request of the connection (negotiate,
    /// the WebSocket or event stream, each long poll); ASP.NET Core's request logs (Hosting.Diagnostics) would write
    /// those URLs at Information, and the shipped levels keep them at Warning.
    /// </summary>
    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_token_in_the_hub_url_reaches_no_log_on_any_transport(HttpTransportType transport)
    {
        using var logs = new LogCapture();
        await using var web = fixture.Create("Development", new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" }, logs);
        var token = TestTokens.For(web, TestTokens.User("chw.north"));
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(web.Address, $"hubs/cases?access_token={token}"), o => o.Transports = transport)
            .Build();

        await connection.StartAsync();
        var watched = await Record.ExceptionAsync(() => connection.InvokeAsync<object>("WatchCase", "c000000000000000000000000"));
        await connection.StopAsync();

        // The hub's answer to an unknown case: the connection was signed in and served.
        Assert.Contains("Case not found", Assert.IsType<HubException>(watched).Message, StringComparison.Ordinal);
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(token.Split('.')[2], StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("access_token", StringComparison.OrdinalIgnoreCase));
    }
}
