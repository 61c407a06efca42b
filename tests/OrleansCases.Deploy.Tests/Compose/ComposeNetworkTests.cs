using System.Globalization;
using OrleansCases.Deploy.Tests.Support;
using Xunit;

namespace OrleansCases.Deploy.Tests.Compose;

[Trait("Category", "Deploy")]
public sealed class ComposeNetworkTests
{
    public static TheoryData<string> AppServices => ComposeEnvironmentTests.AppServices;

    [Fact]
    public void Only_the_proxy_is_published_and_only_on_loopback()
    {
        var published = Support.Compose.Services.Where(s => s.Value["ports"].Items.Count > 0).ToList();

        var (name, proxy) = Assert.Single(published);
        Assert.Equal("proxy", name);
        Assert.All(proxy["ports"].Items, p => Assert.StartsWith("127.0.0.1:", Support.Compose.Interpolate(p.Text ?? ""), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AppServices))]
    public void A_service_listens_on_all_its_interfaces_at_a_port_it_exposes_to_the_network(string service)
    {
        var s = Support.Compose.Service(service);
        var urls = Support.Compose.Env(s)["Urls"];

        Assert.StartsWith("http://0.0.0.0:", urls, StringComparison.Ordinal);
        Assert.Contains(UrlsPort.Of(urls).ToString(CultureInfo.InvariantCulture), s["expose"].Items.Select(i => i.Text));
    }

    [Theory]
    [MemberData(nameof(AppServices))]
    public void A_services_health_check_asks_the_ready_endpoint_on_its_port(string service)
    {
        var s = Support.Compose.Service(service);
        var check = string.Join(' ', s["healthcheck", "test"].Items.Select(i => i.Text));

        Assert.Contains($"/dev/tcp/127.0.0.1/{UrlsPort.Of(Support.Compose.Env(s)["Urls"])}", check, StringComparison.Ordinal);
        Assert.Contains($"GET {HealthRoutes.Ready} ", check, StringComparison.Ordinal);
    }

    [Fact]
    public void The_silos_expose_their_cluster_ports()
    {
        foreach (var (_, service) in Support.Compose.ServicesOf(AppKind.Silo))
        {
            var cluster = AppSettings.Cluster(AppSettings.Build(AppKind.Silo, Support.Compose.Env(service)));
            var exposed = service["expose"].Items.Select(i => i.Text).ToList();
            Assert.Contains(cluster.SiloPort.ToString(CultureInfo.InvariantCulture), exposed);
            Assert.Contains(cluster.GatewayPort.ToString(CultureInfo.InvariantCulture), exposed);
        }
    }

    [Fact]
    public void Every_image_of_ours_is_built_from_an_existing_dockerfile()
    {
        var built = Support.Compose.Services.Where(s => s.Value["build"].Exists).ToList();

        foreach (var (name, service) in built)
        {
            var dockerfile = service["build", "dockerfile"].RequiredText(name + " dockerfile");
            Assert.Equal("../..", service["build", "context"].Text);
            Assert.True(File.Exists(RepoFiles.PathOf(dockerfile)), $"{name}: {dockerfile} does not exist");
        }

        foreach (var (name, service) in Support.Compose.Services.Where(s => Support.Compose.AppOf(s.Value) is not null))
        {
            Assert.Contains(built, b => b.Value["image"].Text == service["image"].Text);
        }
    }
}
