using OrleansCases.Deploy.Tests.Support;
using OrleansCases.Hosting;
using Xunit;

namespace OrleansCases.Deploy.Tests.Compose;

[Trait("Category", "Deploy")]
public sealed class ComposeEnvironmentTests
{
    public static TheoryData<string> AppServices =>
        [.. Support.Compose.Services.Where(s => Support.Compose.AppOf(s.Value) is not null).Select(s => s.Key)];

    [Fact]
    public void Compose_runs_two_silos_and_two_webs()
    {
        Assert.Equal(2, Support.Compose.ServicesOf(AppKind.Silo).Count());
        Assert.Equal(2, Support.Compose.ServicesOf(AppKind.Web).Count());
    }

    [Theory]
    [MemberData(nameof(AppServices))]
    public void Every_environment_variable_of_a_service_is_a_key_its_app_reads(string service)
    {
        var s = Support.Compose.Service(service);
        var app = Support.Compose.AppOf(s)!.Value;

        var unknown = Support.Compose.Env(s).Keys.Where(name => !ConfigurationKeys.Reads(app, name)).ToList();

        Assert.True(unknown.Count == 0, $"{service} ({app}) sets variables its app never reads: {string.Join(", ", unknown)}");
    }

    [Theory]
    [MemberData(nameof(AppServices))]
    public void A_services_settings_pass_the_validation_its_app_runs_at_start(string service)
    {
        var s = Support.Compose.Service(service);

        var refusals = AppSettings.Refusals(Support.Compose.AppOf(s)!.Value, Support.Compose.Env(s));

        Assert.True(refusals.Count == 0, $"{service} would not start: {string.Join("; ", refusals)}");
    }

    [Fact]
    public void Silos_and_webs_agree_on_service_cluster_storage_and_streams_over_azure_table_clustering()
    {
        var settings = Support.Compose.Services.Where(s => Support.Compose.AppOf(s.Value) is not null)
            .Select(s => (Env: Support.Compose.Env(s.Value), Cluster: AppSettings.Cluster(AppSettings.Build(Support.Compose.AppOf(s.Value)!.Value, Support.Compose.Env(s.Value)))))
            .ToList();

        Assert.All(settings, s => Assert.Equal(ClusteringKind.AzureTable, s.Cluster.Clustering));
        Assert.Single(settings.Select(s => s.Cluster.ServiceId).Distinct());
        Assert.Single(settings.Select(s => s.Cluster.ClusterId).Distinct());
        Assert.Single(settings.Select(s => (s.Cluster.Streams, s.Cluster.StreamQueues)).Distinct());
        Assert.Single(settings.Select(s => s.Env[ConfigurationKeys.Variable("Storage:ConnectionString")]).Distinct());
    }

    [Fact]
    public void Each_silo_advertises_its_own_service_name()
    {
        foreach (var (name, service) in Support.Compose.ServicesOf(AppKind.Silo))
        {
            Assert.Equal(name, Support.Compose.Env(service)[ConfigurationKeys.Variable("Cluster:AdvertisedAddress")]);
        }
    }

    [Fact]
    public void The_webs_run_in_production_with_the_authority_of_the_env_file()
    {
        foreach (var (_, service) in Support.Compose.ServicesOf(AppKind.Web))
        {
            var env = Support.Compose.Env(service);
            Assert.Equal("Production", env["ASPNETCORE_ENVIRONMENT"]);
            Assert.Equal(Support.Compose.EnvExample["AUTH_AUTHORITY"], env[ConfigurationKeys.Variable("Auth:Authority")]);
        }
    }
}
