using OrleansCases.Deploy.Tests.Support;
using Xunit;

namespace OrleansCases.Deploy.Tests.Kubernetes;

[Trait("Category", "Deploy")]
public sealed class ProbeTests
{
    public static TheoryData<string> Deployments => EnvironmentTests.Deployments;

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Liveness_and_startup_ask_the_live_endpoint_and_readiness_the_ready_endpoint(string deployment)
    {
        var container = Kube.Container(Kube.Named("Deployment", deployment));

        Assert.Equal(HealthRoutes.Live, container["livenessProbe", "httpGet", "path"].Text);
        Assert.Equal(HealthRoutes.Live, container["startupProbe", "httpGet", "path"].Text);
        Assert.Equal(HealthRoutes.Ready, container["readinessProbe", "httpGet", "path"].Text);
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Every_probe_asks_the_port_the_app_listens_on(string deployment)
    {
        var d = Kube.Named("Deployment", deployment);
        var listening = UrlsPort.All(Kube.EnvValues(d)["Urls"]);

        foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
        {
            var port = Kube.Container(d)[probe, "httpGet", "port"].RequiredText(probe + " port");
            Assert.Contains(Kube.ContainerPort(d, port) ?? -1, listening);
        }
    }
}
