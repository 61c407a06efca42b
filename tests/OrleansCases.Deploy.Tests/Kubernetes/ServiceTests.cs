using OrleansCases.Deploy.Tests.Support;
using Xunit;

namespace OrleansCases.Deploy.Tests.Kubernetes;

[Trait("Category", "Deploy")]
public sealed class ServiceTests
{
    public static TheoryData<string> Services => [.. Kube.OfKind("Service").Select(s => s["metadata", "name"].Text!)];

    [Theory]
    [MemberData(nameof(Services))]
    public void A_service_selects_the_pods_of_exactly_one_deployment_and_targets_its_container_ports(string service)
    {
        var s = Kube.Named("Service", service);
        var selector = s["spec", "selector"].Strings();

        var deployment = Assert.Single(Kube.Deployments, d => Kube.Selects(selector, d));
        foreach (var port in s["spec", "ports"].Items)
        {
            var target = port["targetPort"].Text ?? port["port"].RequiredText("port");
            Assert.True(Kube.ContainerPort(deployment, target) is not null, $"{service}: targetPort {target} is no container port of {deployment["metadata", "name"].Text}");
        }
    }

    [Fact]
    public void Every_ingress_routes_to_a_port_of_the_web_service()
    {
        var backends = IngressRoutes.All.Select(r => r.Path["backend", "service"]).ToList();

        Assert.NotEmpty(backends);
        foreach (var backend in backends)
        {
            var service = Kube.Named("Service", backend["name"].RequiredText("backend service"));
            Assert.True(Kube.Selects(service["spec", "selector"].Strings(), Kube.Web), "the ingress must reach the web pods");
            var port = backend["port", "name"].Text ?? backend["port", "number"].RequiredText("backend port");
            Assert.Contains(service["spec", "ports"].Items, p => p["name"].Text == port || p["port"].Text == port);
        }
    }

    [Fact]
    public void Every_deployment_has_a_disruption_budget_over_its_pods()
    {
        foreach (var deployment in Kube.Deployments)
        {
            Assert.Contains(Kube.OfKind("PodDisruptionBudget"), pdb => Kube.Selects(pdb["spec", "selector", "matchLabels"].Strings(), deployment));
        }
    }
}
