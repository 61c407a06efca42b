using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using OrleansCases.Grains.Escalation;
using OrleansCases.Testing;

namespace OrleansCases.Grains.Tests.Support;

/// <summary>
/// The production shape of storage (reminders in Azure Table storage too) with escalation delays of seconds:
/// <see cref="Emergency"/>, <see cref="Urgent"/>, routine never. A ServiceId of its own, so no other cluster of the run
/// picks up its reminders, and fast failure detection (a dead silo is declared within about 3 s), for the kill.
/// </summary>
public sealed class EscalationClusterFixture : ClusterFixture
{
    public static TimeSpan Emergency { get; } = TimeSpan.FromSeconds(2);

    public static TimeSpan Urgent { get; } = TimeSpan.FromSeconds(3);

    protected override string ServiceId { get; } = UniqueName.For("escalation");

    protected override bool AzureGrainStorage => true;

    protected override void ConfigureSiloHost(IHostApplicationBuilder host)
    {
        host.Configuration[$"{EscalationOptions.Section}:Delays:Emergency"] = Emergency.ToString("c");
        host.Configuration[$"{EscalationOptions.Section}:Delays:Urgent"] = Urgent.ToString("c");
        host.Configuration[$"{EscalationOptions.Section}:Delays:Routine"] = "none";
        host.Services.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
        });
    }
}
