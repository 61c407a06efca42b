using System.Globalization;
using OrleansCases.Deploy.Tests.Support;
using OrleansCases.Web.Identity;
using Xunit;

namespace OrleansCases.Deploy.Tests.Kubernetes;

/// <summary>SignalR behind ingress-nginx: one client stays on one pod, and quiet connections are not cut.</summary>
[Trait("Category", "Deploy")]
public sealed class IngressTests
{
    /// <summary>The annotations of the Ingress that serves the hub (negotiate, then the connection).</summary>
    private static IReadOnlyDictionary<string, string> Annotations => IngressRoutes.Annotations(IngressRoutes.IngressFor(AuthSchemes.HubPath + "/cases"));

    [Fact]
    public void The_ingress_keeps_a_client_on_one_pod_with_a_cookie()
    {
        Assert.Equal("cookie", Annotations.GetValueOrDefault("nginx.ingress.kubernetes.io/affinity"));
        Assert.Same(
            IngressRoutes.IngressFor(AuthSchemes.HubPath + "/cases").Value,
            IngressRoutes.IngressFor(AuthSchemes.HubPath + "/cases/negotiate").Value);
    }

    [Theory]
    [InlineData("nginx.ingress.kubernetes.io/proxy-read-timeout")]
    [InlineData("nginx.ingress.kubernetes.io/proxy-send-timeout")]
    public void The_ingress_keeps_quiet_websockets_open_far_past_the_60_second_default(string annotation)
    {
        Assert.True(int.Parse(Annotations.GetValueOrDefault(annotation) ?? "60", CultureInfo.InvariantCulture) >= 600, annotation);
    }
}
