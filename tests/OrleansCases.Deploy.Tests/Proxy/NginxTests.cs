using OrleansCases.Deploy.Tests.Support;
using Xunit;

namespace OrleansCases.Deploy.Tests.Proxy;

/// <summary>deploy/compose/nginx.conf keeps SignalR working: WebSocket upgrade, affinity, long timeouts, the right upstreams.</summary>
[Trait("Category", "Deploy")]
public sealed class NginxTests
{
    [Fact]
    public void The_proxy_passes_the_websocket_upgrade_over_http_1_1()
    {
        var headers = Nginx.Directive("proxy_set_header");

        Assert.Contains("1.1", Nginx.Directive("proxy_http_version"));
        Assert.Contains("Upgrade $http_upgrade", headers);
        Assert.Contains("Connection $connection_upgrade", headers);
        Assert.Matches(@"default\s+upgrade\s*;", Nginx.Block("map $http_upgrade $connection_upgrade"));
    }

    [Fact]
    public void The_proxy_sends_every_request_of_a_client_to_the_same_web()
    {
        var upstream = Nginx.Block("upstream web");

        Assert.Matches(@"(?m)^\s*(ip_hash|hash\s+\S+|sticky\s)", upstream);
    }

    [Theory]
    [InlineData("proxy_read_timeout")]
    [InlineData("proxy_send_timeout")]
    public void The_proxy_keeps_quiet_connections_open_far_past_the_60_second_default(string directive)
    {
        var value = Assert.Single(Nginx.Directive(directive));

        Assert.True(Seconds(value) >= 600, $"{directive} {value}");
    }

    [Fact]
    public void The_upstream_servers_are_the_web_services_on_their_listening_port()
    {
        var servers = Nginx.Block("upstream web").Split(';').Select(s => s.Trim()).Where(s => s.StartsWith("server ", StringComparison.Ordinal))
            .Select(s => s["server ".Length..].Trim()).Order(StringComparer.Ordinal);
        var webs = Support.Compose.ServicesOf(AppKind.Web)
            .Select(s => $"{s.Key}:{UrlsPort.Of(Support.Compose.Env(s.Value)["Urls"])}").Order(StringComparer.Ordinal);

        Assert.Equal(webs, servers);
        Assert.Contains("http://web", Nginx.Directive("proxy_pass"));
    }

    [Fact]
    public void The_proxy_listens_on_the_container_port_compose_publishes()
    {
        var published = Assert.Single(Support.Compose.Service("proxy")["ports"].Items).RequiredText("proxy port");

        Assert.EndsWith(":" + Assert.Single(Nginx.Directive("listen")), published, StringComparison.Ordinal);
    }

    private static int Seconds(string value) => value[^1] switch
    {
        'h' => int.Parse(value[..^1], System.Globalization.CultureInfo.InvariantCulture) * 3600,
        'm' => int.Parse(value[..^1], System.Globalization.CultureInfo.InvariantCulture) * 60,
        's' => int.Parse(value[..^1], System.Globalization.CultureInfo.InvariantCulture),
        _ => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
