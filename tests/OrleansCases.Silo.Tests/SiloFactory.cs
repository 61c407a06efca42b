using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansCases.Testing;

namespace OrleansCases.Silo.Tests;

/// <summary>
/// The real silo host in process, on Orleans ports of its own (so a running ./run.sh is no obstacle), against the
/// tests' Azurite. Extra settings override the defaults, to try bad configurations.
/// </summary>
public sealed class SiloFactory(IReadOnlyDictionary<string, string?>? overrides = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = TestStorage.ConnectionString,
            ["Cluster:ServiceId"] = "orleanscasessilotests",
            ["Cluster:SiloPort"] = "11411",
            ["Cluster:PrimarySiloPort"] = "11411",
            ["Cluster:GatewayPort"] = "30400",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
