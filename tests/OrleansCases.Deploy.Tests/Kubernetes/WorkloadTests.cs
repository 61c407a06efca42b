using OrleansCases.Deploy.Tests.Support;
using Xunit;

namespace OrleansCases.Deploy.Tests.Kubernetes;

[Trait("Category", "Deploy")]
public sealed class WorkloadTests
{
    public static TheoryData<string> Deployments => EnvironmentTests.Deployments;

    [Theory]
    [MemberData(nameof(Deployments))]
    public void A_deployment_runs_at_least_two_non_root_replicas_with_requests_and_limits(string deployment)
    {
        var d = Kube.Named("Deployment", deployment);
        var container = Kube.Container(d);

        Assert.True(int.Parse(d["spec", "replicas"].RequiredText("replicas"), System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.Equal("true", d["spec", "template", "spec", "securityContext", "runAsNonRoot"].Text?.ToLowerInvariant());
        Assert.NotEqual("0", container["securityContext", "runAsUser"].Text);
        Assert.Equal("false", container["securityContext", "allowPrivilegeEscalation"].Text?.ToLowerInvariant());
        foreach (var kind in new[] { "requests", "limits" })
        {
            Assert.True(container["resources", kind, "cpu"].Exists, $"{deployment}: no cpu {kind}");
            Assert.True(container["resources", kind, "memory"].Exists, $"{deployment}: no memory {kind}");
        }
    }

    [Fact]
    public void Every_secret_a_container_reads_exists_with_that_key()
    {
        var refs = Kube.Deployments.SelectMany(Kube.Env).Select(e => e["valueFrom", "secretKeyRef"]).Where(r => r.Exists).ToList();

        Assert.NotEmpty(refs);
        foreach (var r in refs)
        {
            var secret = Kube.Named("Secret", r["name"].RequiredText("secret name"));
            var key = r["key"].RequiredText("secret key");
            Assert.True(secret["stringData", key].Exists || secret["data", key].Exists, $"secret {r["name"].Text} has no key {key}");
        }
    }

    [Fact]
    public void Every_object_lives_in_the_one_namespace_the_manifests_create()
    {
        var ns = Assert.Single(Kube.OfKind("Namespace"))["metadata", "name"].Text;

        Assert.All(Kube.Objects.Where(o => o.Object["kind"].Text != "Namespace"), o => Assert.Equal(ns, o.Object["metadata", "namespace"].Text));
    }

    [Fact]
    public void The_kustomization_lists_every_manifest()
    {
        var listed = Yaml.Document(RepoFiles.Read("deploy/k8s/kustomization.yaml"))["resources"].Items.Select(i => "deploy/k8s/" + i.Text).Order(StringComparer.Ordinal);

        Assert.Equal(RepoFiles.KubernetesFiles().Where(f => !f.EndsWith("/kustomization.yaml", StringComparison.Ordinal)), listed);
    }
}
