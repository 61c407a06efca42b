using OrleansCases.Abstractions;
using OrleansCases.Testing;
using OrleansCases.Web.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace OrleansCases.Web.Tests.Reliability;

/// <summary>
/// A web process asked to stop (SIGTERM) while its cluster does not answer (a frozen or partitioned silo: calls are
/// accepted and never answered) must not wait for those calls, each up to the 10 s response timeout, or a
/// deployment, a Ctrl-C in ./run.sh or a pod's termination hangs on it.
/// </summary>
[Trait("Category", "Web")]
public sealed class WebStopTests(ITestOutputHelper output)
{
    private static readonly TimeSpan _fewSeconds = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_web_instance_whose_cluster_does_not_answer_stops_within_seconds()
    {
        var serviceId = UniqueName.For("webstop");
        var faults = new InjectedFaults();
        await using var silo = await TestSilo.StartAsync(serviceId, services: faults.AddToSilo);
        await using var web = await WebProcess.StartAsync(serviceId, silo.GatewayPort);
        await using var live = await LiveClient.ConnectAsync(web.Address, "chw.north", await ApiClient.RequestTokenAsync(web.Address, "chw.north"));
        using var asha = await ApiClient.SignInAsync(web.Address, "asha.north");
        await live.WaitForAsync(ApiClient.Id(await asha.CreateAsync("P-STOP")), 1);

        // From now on the cluster takes the web's periodic report and never answers it.
        using var report = faults.Hold<IWebInstancesGrain>(nameof(IWebInstancesGrain.ReportAsync));
        await report.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var took = await web.StopAsync(TimeSpan.FromSeconds(60));

        output.WriteLine($"stopped {took.TotalSeconds:F1} s after SIGTERM, its report to the cluster unanswered");
        Assert.True(took < _fewSeconds, $"The web process took {took.TotalSeconds:F1} s to stop.");
    }
}
