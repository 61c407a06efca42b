using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansCases.Web.Tests.Support;

/// <summary>One web instance, the real app on a real loopback port, as an Orleans client of the test silo.</summary>
public sealed class WebInstance : WebApplicationFactory<Program>
{
    private readonly string _serviceId;
    private readonly int _gatewayPort;
    private Uri? _address;

    public WebInstance(string serviceId, int gatewayPort)
    {
        _serviceId = serviceId;
        _gatewayPort = gatewayPort;
        UseKestrel(0);
    }

    /// <summary>Where the instance listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address => _address ??= Start();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:ConnectionString", TestStorage.ConnectionString);
        builder.UseSetting("Cluster:ServiceId", _serviceId);
        builder.UseSetting("Cluster:ClusterId", "webtests");
        builder.UseSetting("Cluster:GatewayPort", _gatewayPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    private Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }
}
