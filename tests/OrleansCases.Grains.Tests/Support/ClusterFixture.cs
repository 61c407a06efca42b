using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using OrleansCases.Abstractions;
using OrleansCases.Grains.ReadModel;
using OrleansCases.Hosting;
using OrleansCases.Silo;
using OrleansCases.Testing;
using Xunit;

namespace OrleansCases.Grains.Tests.Support;

/// <summary>
/// A 2-silo in-process cluster wired like the real silo (read model, streams, storage clients), with grain state in
/// memory or in Azure Table storage. Each test uses fresh regions and case ids, so tests never see each other's data.
/// </summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    /// <summary>
    /// Pinned so a restarted cluster finds its state; lowercase, no '_' (Azure names derive from it). Clusters of one
    /// ServiceId share their reminders in Azure Table storage: a fixture whose reminders fire within a test run has its own.
    /// </summary>
    protected virtual string ServiceId => "orleanscasestests";

    private InProcessTestCluster? _cluster;

    protected abstract bool AzureGrainStorage { get; }

    protected virtual StreamsKind Streams => StreamsKind.Memory;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not started.");

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync() => _cluster = await StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>Stops every silo and starts a new cluster with the same ServiceId and storage.</summary>
    public async Task RestartAsync()
    {
        await DisposeAsync();
        _cluster = await StartAsync();
    }

    /// <summary>Per-fixture silo settings and services, applied after the read model's on every (re)start.</summary>
    protected virtual void ConfigureSiloHost(IHostApplicationBuilder host)
    {
    }

    /// <summary>The read model's table, as the silos see it: for tests that inspect or disturb it directly.</summary>
    public TableClient ReadModelTable
    {
        get
        {
            var services = Cluster.Silos[0].ServiceProvider;
            return services.GetRequiredService<TableServiceClient>()
                .GetTableClient(services.GetRequiredService<IOptions<ReadModelOptions>>().Value.TableName);
        }
    }

    /// <summary>Azure Table write requests sent by all silos so far.</summary>
    public long TableWrites => Cluster.Silos.Sum(s => s.ServiceProvider.GetRequiredService<StorageRequestCounter>().TableWrites);

    private CasesClusterOptions ClusterOptions => new() { ServiceId = ServiceId, Streams = Streams };

    private async Task<InProcessTestCluster> StartAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ServiceId = ServiceId;
        builder.Options.ClusterId = "tests";
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)}"] = TestStorage.ConnectionString;
            host.AddCaseStorageClients();
            if (Environment.GetEnvironmentVariable("ORLEANSCASES_TEST_LOGS") == "1")
            {
                host.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug);
            }
            host.Services.AddCaseGrains();
            ConfigureSiloHost(host);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            if (AzureGrainStorage)
            {
                silo.AddCaseGrainStorage();
            }
            else
            {
                silo.UseCaseStateSerializer();
                silo.AddMemoryGrainStorage(CaseStorage.Cases);
                silo.AddMemoryGrainStorage(CaseStorage.PubSub);
                silo.UseInMemoryReminderService();
            }

            silo.AddCaseEventStreams(ClusterOptions);
        });
        builder.ConfigureClientHost(host =>
        {
            host.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)}"] = TestStorage.ConnectionString;
            host.AddCaseStorageClients();
        });
        builder.ConfigureClient(client => client.AddCaseEventStreams(ClusterOptions));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}

/// <summary>Grain state in Orleans memory storage; the read model still in Azurite.</summary>
public sealed class MemoryClusterFixture : ClusterFixture
{
    protected override bool AzureGrainStorage => false;
}

/// <summary>Grain state, stream subscriptions and reminders in Azure Table storage on Azurite.</summary>
public sealed class AzureClusterFixture : ClusterFixture
{
    protected override bool AzureGrainStorage => true;
}

/// <summary>The production shape: Azure Table grain storage and Azure Queue streams.</summary>
public sealed class AzureQueueStreamsClusterFixture : ClusterFixture
{
    protected override bool AzureGrainStorage => true;

    protected override StreamsKind Streams => StreamsKind.AzureQueue;
}
