using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using OrleansCases.Hosting.Streams;

namespace OrleansCases.Hosting;

/// <summary>The cluster a silo joins or a client connects to; silos and clients must agree on all of it.</summary>
public sealed class CasesClusterOptions
{
    /// <summary>Not "Orleans": Orleans reads that section itself, as provider configuration.</summary>
    public const string Section = "Cluster";

    /// <summary>Lowercase letters and digits only: Azure table and queue names derive from it.</summary>
    [Required, RegularExpression("^[a-z][a-z0-9]{2,30}$")]
    public string ServiceId { get; set; } = "orleanscases";

    [Required, RegularExpression("^[a-z][a-z0-9-]{1,30}$")]
    public string ClusterId { get; set; } = "dev";

    public ClusteringKind Clustering { get; set; } = ClusteringKind.Localhost;

    public StreamsKind Streams { get; set; } = StreamsKind.Memory;

    /// <summary>Queues behind the stream provider: in-memory event queues, or Azure queues when <see cref="Streams"/> is AzureQueue.</summary>
    [Range(1, 64)]
    public int StreamQueues { get; set; } = 4;

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Localhost clustering: the silo port of the silo every other silo joins through.</summary>
    [Range(1, 65535)]
    public int PrimarySiloPort { get; set; } = 11111;

    /// <summary>Localhost clustering on a client: the gateways to try; empty means <see cref="GatewayPort"/> alone.</summary>
    /// <remarks>Empty by default because configuration binding appends to an array's initial items.</remarks>
    public int[] GatewayPorts { get; set; } = [];

    /// <summary>
    /// Where silos listen and what they advertise: an IP address, or a host name resolved at start (a container's
    /// service name); loopback unless a private address is configured.
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// In a Kubernetes pod (Microsoft.Orleans.Hosting.Kubernetes): silo name, address, ServiceId and ClusterId come
    /// from the pod (POD_NAME, POD_IP, ORLEANS_SERVICE_ID, ORLEANS_CLUSTER_ID), and silos whose pods are gone are
    /// declared dead at once. Membership still lives in the Azure table.
    /// </summary>
    public bool KubernetesHosting { get; set; }

    /// <summary>
    /// How long a silo waits for another's answer to a liveness probe. With <see cref="MissedProbesLimit"/> it bounds
    /// how long a crashed silo is still believed alive, and so how long calls to its grains fail: Orleans' defaults
    /// (5 s, 3 probes) let clients see 15-30 s of outage; 2 s and 2 keep it under 10 s (README, Reliability).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Probes a silo may miss in a row before the others vote it dead.</summary>
    [Range(1, 10)]
    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>
    /// How long a grain call waits for its answer, on silos and clients. Orleans' 30 s would let a call to a grain
    /// whose silo died wait that long; nothing here takes more than a few seconds (the longest is an event queue's 5 s
    /// long poll). API requests have their own, shorter deadline (the web's Cases:RequestTimeout).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The in-memory event queues of the stream provider when <see cref="Streams"/> is Memory.</summary>
    public EventQueueOptions EventQueues() => new() { Queues = StreamQueues };

    /// <summary>The names of the stream queues, derived from the service id so two services never share one.</summary>
    public List<string> StreamQueueNames() =>
        [.. Enumerable.Range(0, StreamQueues).Select(i => $"{ServiceId}-events-{i}")];
}

[OptionsValidator]
public sealed partial class CasesClusterOptionsValidator : IValidateOptions<CasesClusterOptions>;
