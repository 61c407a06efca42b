using System.Net;
using Xunit;

namespace OrleansCases.Silo.Tests;

[Trait("Category", "Silo")]
public sealed class HealthTests
{
    [Fact]
    public async Task A_running_silo_is_live_and_ready()
    {
        await using var silo = new SiloFactory();
        using var http = silo.CreateClient();

        var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }
}
