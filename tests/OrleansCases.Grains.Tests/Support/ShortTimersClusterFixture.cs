using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using OrleansCases.Grains.Escalation;
using OrleansCases.Grains.Reads;
using OrleansCases.Testing;

namespace OrleansCases.Grains.Tests.Support;

/// <summary>
/// The production shape of storage (reminders in Azure Table storage too) with timers of seconds: escalation delays
/// <see cref="Emergency"/>, <see cref="Urgent"/>, routine never; the read audit keeping reads <see cref="AuditRetention"/>
/// and swept every <see cref="AuditSweep"/>. A ServiceId of its own, so no other cluster of the run picks up its
/// reminders, and fast failure detection (a dead silo is declared within about 3 s), for the kill.
/// </summary>
public sealed class ShortTimersClusterFixture : ClusterFixture
{
    public static TimeSpan Emergency { get; } = TimeSpan.FromSeconds(2);

    public static TimeSpan Urgent { get; } = TimeSpan.FromSeconds(3);

    public static TimeSpan AuditRetention { get; } = TimeSpan.FromSeconds(5);

    public static TimeSpan AuditSweep { get; } = TimeSpan.FromSeconds(2);

    protected override string ServiceId { get; } = UniqueName.For("escalation");

    protected override bool AzureGrainStorage => true;

    /// <summary>The grains' log lines of both silos, to await what a reminder's tick did.</summary>
    public SiloLog Log { get; } = new();

    protected override void ConfigureSiloHost(IHostApplicationBuilder host)
    {
        host.Logging.AddProvider(Log);
        host.Logging.AddFilter<SiloLog>("OrleansCases", LogLevel.Debug);
        host.Configuration[$"{EscalationOptions.Section}:Delays:Emergency"] = Emergency.ToString("c");
        host.Configuration[$"{EscalationOptions.Section}:Delays:Urgent"] = Urgent.ToString("c");
        host.Configuration[$"{EscalationOptions.Section}:Delays:Routine"] = "none";
        host.Configuration[$"{ReadAuditOptions.Section}:{nameof(ReadAuditOptions.Retention)}"] = AuditRetention.ToString("c");
        host.Configuration[$"{ReadAuditOptions.Section}:{nameof(ReadAuditOptions.SweepInterval)}"] = AuditSweep.ToString("c");
        host.Services.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
        });
    }
}
