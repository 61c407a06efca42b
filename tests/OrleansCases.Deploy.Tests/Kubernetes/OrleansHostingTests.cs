using Orleans.Hosting.Kubernetes;
using OrleansCases.Deploy.Tests.Support;
using Xunit;

namespace OrleansCases.Deploy.Tests.Kubernetes;

/// <summary>What Microsoft.Orleans.Hosting.Kubernetes reads from the pod, and what the silo's own settings must agree with.</summary>
[Trait("Category", "Deploy")]
public sealed class OrleansHostingTests
{
    [Fact]
    public void The_silo_turns_on_kubernetes_hosting_over_azure_table_clustering()
    {
        var cluster = AppSettings.Cluster(AppSettings.Build(AppKind.Silo, Kube.EnvValues(Kube.Silo)));

        Assert.True(cluster.KubernetesHosting);
        Assert.Equal(OrleansCases.Hosting.ClusteringKind.AzureTable, cluster.Clustering);
    }

    [Theory]
    [InlineData(KubernetesHostingOptions.PodNameEnvironmentVariable, "metadata.name")]
    [InlineData(KubernetesHostingOptions.PodNamespaceEnvironmentVariable, "metadata.namespace")]
    [InlineData(KubernetesHostingOptions.PodIPEnvironmentVariable, "status.podIP")]
    public void The_pod_tells_the_silo_its_name_namespace_and_address(string variable, string fieldPath)
    {
        var entry = Assert.Single(Kube.Env(Kube.Silo), e => e["name"].Text == variable);

        Assert.Equal(fieldPath, entry["valueFrom", "fieldRef", "fieldPath"].Text);
    }

    [Fact]
    public void Orleans_ids_labels_and_the_silos_cluster_settings_are_the_same()
    {
        var env = Kube.EnvValues(Kube.Silo);
        var labels = Kube.PodLabels(Kube.Silo);
        var cluster = AppSettings.Cluster(AppSettings.Build(AppKind.Silo, env));

        Assert.Equal(cluster.ServiceId, env[KubernetesHostingOptions.ServiceIdEnvironmentVariable]);
        Assert.Equal(cluster.ServiceId, labels.GetValueOrDefault(KubernetesHostingOptions.ServiceIdLabel));
        Assert.Equal(cluster.ClusterId, env[KubernetesHostingOptions.ClusterIdEnvironmentVariable]);
        Assert.Equal(cluster.ClusterId, labels.GetValueOrDefault(KubernetesHostingOptions.ClusterIdLabel));
    }

    [Fact]
    public void The_silos_service_account_may_get_watch_list_and_patch_pods()
    {
        var spec = Kube.Silo["spec", "template", "spec"];
        var account = spec["serviceAccountName"].RequiredText("serviceAccountName");
        var ns = Kube.Silo["metadata", "namespace"].Text;
        Kube.Named("ServiceAccount", account);

        var binding = Assert.Single(Kube.OfKind("RoleBinding"), b =>
            b["subjects"].Items.Any(s => s["kind"].Text == "ServiceAccount" && s["name"].Text == account && s["namespace"].Text == ns));
        var role = Kube.Named(binding["roleRef", "kind"].RequiredText("roleRef kind"), binding["roleRef", "name"].RequiredText("roleRef name"));
        var granted = role["rules"].Items
            .Where(r => r["apiGroups"].Items.Any(g => g.Text == "") && r["resources"].Items.Any(x => x.Text == "pods"))
            .SelectMany(r => r["verbs"].Items.Select(v => v.Text))
            .ToHashSet();

        Assert.Superset(new HashSet<string?> { "get", "watch", "list", "patch" }, granted);
    }
}
