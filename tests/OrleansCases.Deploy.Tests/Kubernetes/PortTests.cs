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
    public void Every_port_of_Urls_is_a_container_port_on_all_interfaces_and_http_is_one_of_them(string deployment)
    {
        var d = Kube.Named("Deployment", deployment);
        var urls = Kube.EnvValues(d)["Urls"];

        Assert.All(urls.Split(';'), url => Assert.StartsWith("http://0.0.0.0:", url, StringComparison.Ordinal));
        Assert.All(UrlsPort.All(urls), port => Assert.NotNull(Kube.ContainerPort(d, port.ToString(CultureInfo.InvariantCulture))));
        Assert.Contains(Kube.ContainerPort(d, "http") ?? -1, UrlsPort.All(urls));
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
    public void Prometheus_scrapes_a_port_the_app_listens_on_and_answers_metrics_on(string deployment)
    {
        var d = Kube.Named("Deployment", deployment);
        var annotations = d["spec", "template", "metadata", "annotations"].Strings();
        var scraped = int.Parse(annotations.GetValueOrDefault("prometheus.io/port") ?? "0", CultureInfo.InvariantCulture);

        Assert.Equal("true", annotations.GetValueOrDefault("prometheus.io/scrape"));
        Assert.Equal("/metrics", annotations.GetValueOrDefault("prometheus.io/path"));
        Assert.Contains(scraped, UrlsPort.All(Kube.EnvValues(d)["Urls"]));
        Assert.Contains(scraped, MetricsPorts.Of(Kube.AppOf(d), Kube.EnvValues(d)));
    }
}
