using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansCases.Testing;
using OrleansCases.Web.Live;

namespace OrleansCases.Web.Tests.Support;

/// <summary>
/// One web instance: the real app on a real loopback port, as an Orleans client of the test silo. Development by
/// default; a test may choose another environment and extra settings (lowered rate limits, Production with an
/// authority, or a configuration the app must refuse).
/// </summary>
public sealed class WebInstance : WebApplicationFactory<Program>
{
    private readonly string _serviceId;
    private readonly int _gatewayPort;
    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly ILoggerProvider? _logs;
    private readonly Action<IServiceCollection>? _services;
    private Uri? _address;

    public WebInstance(
        string serviceId, int gatewayPort, string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null,
        ILoggerProvider? logs = null, Action<IServiceCollection>? services = null)
    {
        _logs = logs;
        _services = services;
        _serviceId = serviceId;
        _gatewayPort = gatewayPort;
        _environment = environment;
        _settings = settings ?? new Dictionary<string, string?>();
        // Loopback only: tests reach it from other loopback addresses (127.0.0.x) to be other clients.
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Where the instance listens, e.g. http://127.0.0.1:41234/; starts it on first use.</summary>
    public Uri Address => _address ??= Start();

    /// <summary>
    /// Starts the instance and waits until its bridge is subscribed to every region and knows where it starts, as a
    /// load balancer waits for /health/ready: an event stored before that is the lists' to show, not the live clients'.
    /// </summary>
    public async Task<WebInstance> ReadyAsync()
    {
        _ = Address;
        await Services.GetRequiredService<CaseEventBridge>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(_environment);
        builder.UseSetting("Storage:ConnectionString", TestStorage.ConnectionString);
        builder.UseSetting("Cluster:ServiceId", _serviceId);
        builder.UseSetting("Cluster:ClusterId", "webtests");
        builder.UseSetting("Cluster:GatewayPort", _gatewayPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting(RequestDeadline.Key, RequestDeadline.Relaxed);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    private Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address + "/");
    }
}
