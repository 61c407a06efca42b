using System.Net;

namespace OrleansCases.Web.Proxy;

/// <summary>
/// The reverse proxies in front of the web (nginx, an ingress controller), whose X-Forwarded-For and
/// X-Forwarded-Proto are believed: only then do per-address sign-in limits see the real client. None by default:
/// forwarded headers are ignored, so nobody can choose the address they are limited by.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Networks the proxies sit in, in CIDR notation (e.g. 10.0.0.0/8, 172.16.0.0/12).</summary>
    public string[] TrustedNetworks { get; set; } = [];

    /// <summary>The networks, parsed; throws naming the entry that is not a network.</summary>
    public IReadOnlyList<IPNetwork> Parse() =>
        [.. TrustedNetworks.Select(n => IPNetwork.TryParse(n, out var network)
            ? network
            : throw new InvalidOperationException($"{Section}:TrustedNetworks: '{n}' is not a network in CIDR notation, e.g. 10.0.0.0/8."))];
}
