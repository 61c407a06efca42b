using System.Globalization;
using OrleansCases.Testing;
using Xunit;

namespace OrleansCases.Web.Tests.Support;

/// <summary>
/// A cluster of two silos (in this process, the second joining the first) and two web instances as processes of
/// their own, each a client of a different silo, so that grains live on both and one web can be SIGKILLed.
/// </summary>
public class TwoSilosTwoWebsFixture : IAsyncLifetime
{
    private readonly string _serviceId = UniqueName.For("twosilos");
    private readonly string _table = UniqueName.For("TwoSilos");
    private TestSilo? _first;
    private TestSilo? _second;

    public WebProcess A { get; private set; } = null!;

    public WebProcess B { get; private set; } = null!;

    /// <summary>Settings both silos start with, besides their ports and storage.</summary>
    protected virtual IReadOnlyDictionary<string, string?> SiloSettings { get; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        var first = (Silo: FreePort.Next(), Gateway: FreePort.Next());
        var second = (Silo: FreePort.Next(), Gateway: FreePort.Next());
        _first = await TestSilo.StartAsync(_serviceId, SiloSettings, ports: first, readModelTable: _table);
        _second = await TestSilo.StartAsync(
            _serviceId,
            new Dictionary<string, string?>(SiloSettings) { ["Cluster:PrimarySiloPort"] = first.Silo.ToString(CultureInfo.InvariantCulture) },
            ports: second, readModelTable: _table);
        A = await WebProcess.StartAsync(_serviceId, first.Gateway);
        B = await WebProcess.StartAsync(_serviceId, second.Gateway);
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await _second!.DisposeAsync();
        await _first!.DisposeAsync();
    }
}
