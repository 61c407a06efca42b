using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace OrleansCases.Web.Telemetry;

/// <summary>
/// Where the web answers GET /metrics. By default on every port it listens on (run.sh, the local cluster). Where a
/// proxy publishes the web's port to the outside (the Kubernetes Ingress), set <see cref="Port"/>: Prometheus scrapes
/// the pods on that port, which the proxy does not route to, and /metrics through the proxy answers 404 whatever
/// paths the proxy lets through (nginx matches paths case-sensitively; ASP.NET Core does not).
/// </summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>The one local port /metrics is answered on; the web must listen on it too (a second URL in Urls).</summary>
    [Range(1, 65535)]
    public int? Port { get; set; }

    /// <summary>
    /// Whether a connection accepted on <paramref name="localPort"/> gets the metrics. The local port, not the Host
    /// header: the client writes that, and a proxy passes it on.
    /// </summary>
    public bool ServesOn(int localPort) => Port is null || Port == localPort;
}

[OptionsValidator]
public sealed partial class MetricsOptionsValidator : IValidateOptions<MetricsOptions>;
