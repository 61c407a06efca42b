using System.Globalization;
using System.Net;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Operations;

/// <summary>
/// With Metrics:Port set (as in Kubernetes), the web answers /metrics on that port only: a proxy in front of its other
/// port cannot publish them, however it spells the path or the Host header.
/// </summary>
[Trait("Category", "Web")]
public sealed class MetricsPortTests(WebFixture fixture) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task With_a_metrics_port_the_web_answers_metrics_there_and_404_on_its_other_port()
    {
        var metricsPort = FreePort.Next();
        await using var web = fixture.Create(new Dictionary<string, string?> { ["Metrics:Port"] = metricsPort.ToString(CultureInfo.InvariantCulture) });
        web.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Listen(IPAddress.Loopback, metricsPort);
        });
        var app = web.Address;
        Assert.NotEqual(metricsPort, app.Port);
        using var http = new HttpClient();

        var viaApp = await http.GetAsync(new Uri(app, "/metrics"));
        var viaAppUpperCase = await http.GetAsync(new Uri(app, "/METRICS"));
        using var claimingTheMetricsPort = new HttpRequestMessage(HttpMethod.Get, new Uri(app, "/metrics"));
        claimingTheMetricsPort.Headers.Host = $"127.0.0.1:{metricsPort}";
        var viaAppWithHost = await http.SendAsync(claimingTheMetricsPort);
        var scraped = await http.GetAsync(new Uri($"http://127.0.0.1:{metricsPort}/metrics"));

        Assert.Equal(HttpStatusCode.NotFound, viaApp.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaAppUpperCase.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaAppWithHost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("orleans_", await scraped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The app itself still answers on its port.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(app, "/health/live"))).StatusCode);
    }
}
