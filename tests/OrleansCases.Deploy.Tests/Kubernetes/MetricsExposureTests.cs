using OrleansCases.Deploy.Tests.Support;
using Xunit;

namespace OrleansCases.Deploy.Tests.Kubernetes;

/// <summary>
/// /metrics is for Prometheus, which scrapes the pods (their prometheus.io annotations), not for the public: no path of
/// the Ingress may lead to a port on which the web answers it.
/// </summary>
[Trait("Category", "Deploy")]
public sealed class MetricsExposureTests
{
    [Fact]
    public void No_ingress_path_leads_to_a_port_where_the_web_answers_metrics()
    {
        var metrics = MetricsPorts.Of(AppKind.Web, Kube.EnvValues(Kube.Web));

        Assert.NotEmpty(IngressRoutes.All);
        foreach (var (ingress, path) in IngressRoutes.All)
        {
            var (deployment, port) = IngressRoutes.Target(path);
            Assert.True(
                Kube.AppOf(deployment) != AppKind.Web || port is not { } p || !metrics.Contains(p),
                $"Ingress {ingress["metadata", "name"].Text}, path {path["path"].Text}: reaches port {port}, where the web answers /metrics");
        }
    }
}
