using System.Globalization;
using OrleansCases.Deploy.Tests.Support;
using Xunit;

namespace OrleansCases.Deploy.Tests.Kubernetes;

[Trait("Category", "Deploy")]
public sealed class PortTests
{
    public static TheoryData<string> Deployments => EnvironmentTests.Deployments;

    [Theory]
    [MemberData(nameof(Deployments))]
    public void The_http_container_port_is_the_port_of_Urls_on_all_interfaces(string deployment)
    {
        var d = Kube.Named("Deployment", deployment);
        var urls = Kube.EnvValues(d)["Urls"];

        Assert.StartsWith("http://0.0.0.0:", urls, StringComparison.Ordinal);
        Assert.Equal(UrlsPort.Of(urls), Kube.ContainerPort(d, "http"));
    }

    [Fact]
    public void The_silo_and_gateway_container_ports_are_the_configured_cluster_ports()
    {
        var cluster = AppSettings.Cluster(AppSettings.Build(AppKind.Silo, Kube.EnvValues(Kube.Silo)));

        Assert.Equal(cluster.SiloPort, Kube.ContainerPort(Kube.Silo, "silo"));
        Assert.Equal(cluster.GatewayPort, Kube.ContainerPort(Kube.Silo, "gateway"));
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Prometheus_scrapes_metrics_on_the_http_port(string deployment)
    {
        var d = Kube.Named("Deployment", deployment);
        var annotations = d["spec", "template", "metadata", "annotations"].Strings();

        Assert.Equal("true", annotations.GetValueOrDefault("prometheus.io/scrape"));
        Assert.Equal("/metrics", annotations.GetValueOrDefault("prometheus.io/path"));
        Assert.Equal(UrlsPort.Of(Kube.EnvValues(d)["Urls"]).ToString(CultureInfo.InvariantCulture), annotations.GetValueOrDefault("prometheus.io/port"));
    }
}
