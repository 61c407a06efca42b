extern alias SiloHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansCases.Testing;
using SiloHost::OrleansCases.Silo;

namespace OrleansCases.Web.Tests.Support;

/// <summary>
/// A real silo, wired by the silo project's own code, in this process: loopback ports of its own and a read-model
/// table of its own, so its lists and feeds hold only what this test class made.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestSilo(WebApplication app, int gatewayPort)
    {
        _app = app;
        GatewayPort = gatewayPort;
        Address = new Uri(app.Urls.First() + "/");
    }

    public int GatewayPort { get; }

    /// <summary>The silo's own HTTP address (health, metrics), e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; }

    public static async Task<TestSilo> StartAsync(
        string serviceId, IReadOnlyDictionary<string, string?>? settings = null,
        (int Silo, int Gateway)? ports = null, Action<IServiceCollection>? services = null, string? readModelTable = null)
    {
        var (siloPort, gatewayPort) = ports ?? (FreePort.Next(), FreePort.Next());
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Storage:ConnectionString"] = TestStorage.ConnectionString,
            ["Cluster:ServiceId"] = serviceId,
            ["Cluster:ClusterId"] = "webtests",
            ["Cluster:SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cluster:PrimarySiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ReadModel:TableName"] = readModelTable ?? UniqueName.For("Cases"),
            ["Logging:LogLevel:Default"] = "Warning",
            // Reminders are set as in production, but no case escalates within a test run unless its test asks for it:
            // an escalation toasts and reaches every clinician of the region, which other tests do not expect.
            ["Escalation:Delays:Emergency"] = "01:00:00",
            ["Escalation:Delays:Urgent"] = "01:00:00",
        })
        {
            builder.Configuration[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.Configuration[key] = value;
        }

        builder.AddCaseSiloHost();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapCaseSiloEndpoints();
        await app.StartAsync();
        return new TestSilo(app, gatewayPort);
    }

    /// <summary>
    /// Stops the silo ungracefully, as a crash would: no grain is deactivated and nothing is handed over. Calls a
    /// test holds in it are never let go (their code must not go on writing as if the silo lived), so the host is
    /// left undisposed.
    /// </summary>
    public Task KillAsync() => _app.StopAsync(new CancellationToken(canceled: true));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
