using OrleansCases.Deploy.Tests.Support;
using OrleansCases.Web.Identity;
using Xunit;

namespace OrleansCases.Deploy.Tests.Kubernetes;

/// <summary>
/// The hub's requests carry the bearer token in their query string (access_token), and ingress-nginx's access log
/// format is controller-wide (by default it logs $request, query string included): the Ingress that serves them must
/// write no access log.
/// </summary>
[Trait("Category", "Deploy")]
public sealed class IngressAccessLogTests
{
    public static TheoryData<string> HubRequests => [AuthSchemes.HubPath + "/cases", AuthSchemes.HubPath + "/cases/negotiate"];

    [Theory]
    [MemberData(nameof(HubRequests))]
    public void The_ingress_serving_hub_requests_writes_no_access_log(string path)
    {
        var ingress = IngressRoutes.IngressFor(path);

        Assert.Equal("false", IngressRoutes.Annotations(ingress).GetValueOrDefault("nginx.ingress.kubernetes.io/enable-access-log"));
    }
}
