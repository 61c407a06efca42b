using OrleansCases.Deploy.Tests.Support;
using Xunit;

namespace OrleansCases.Deploy.Tests.Kubernetes;

[Trait("Category", "Deploy")]
public sealed class EnvironmentTests
{
    public static TheoryData<string> Deployments => [.. Kube.Deployments.Select(d => d["metadata", "name"].Text!)];

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Every_environment_variable_of_a_deployment_is_a_key_its_app_reads(string deployment)
    {
        var d = Kube.Named("Deployment", deployment);
        var app = Kube.AppOf(d);

        var unknown = Kube.EnvValues(d).Keys.Where(name => !ConfigurationKeys.Reads(app, name)).ToList();

        Assert.True(unknown.Count == 0, $"{deployment} ({app}) sets variables its app never reads: {string.Join(", ", unknown)}");
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void A_deployments_settings_pass_the_validation_its_app_runs_at_start(string deployment)
    {
        var d = Kube.Named("Deployment", deployment);

        var refusals = AppSettings.Refusals(Kube.AppOf(d), Kube.EnvValues(d));

        Assert.True(refusals.Count == 0, $"{deployment} would not start: {string.Join("; ", refusals)}");
    }

    [Fact]
    public void Silos_and_web_agree_on_service_cluster_clustering_and_streams()
    {
        var silo = AppSettings.Cluster(AppSettings.Build(AppKind.Silo, Kube.EnvValues(Kube.Silo)));
        var web = AppSettings.Cluster(AppSettings.Build(AppKind.Web, Kube.EnvValues(Kube.Web)));

        Assert.Equal(silo.ServiceId, web.ServiceId);
        Assert.Equal(silo.ClusterId, web.ClusterId);
        Assert.Equal(silo.Streams, web.Streams);
        Assert.Equal(silo.StreamQueues, web.StreamQueues);
        Assert.Equal(OrleansCases.Hosting.ClusteringKind.AzureTable, silo.Clustering);
        Assert.Equal(OrleansCases.Hosting.ClusteringKind.AzureTable, web.Clustering);
    }

    [Fact]
    public void The_web_runs_in_production_with_an_authority()
    {
        var env = Kube.EnvValues(Kube.Web);

        Assert.Equal("Production", env["ASPNETCORE_ENVIRONMENT"]);
        Assert.True(Uri.IsWellFormedUriString(env[ConfigurationKeys.Variable("Auth:Authority")], UriKind.Absolute));
    }
}
