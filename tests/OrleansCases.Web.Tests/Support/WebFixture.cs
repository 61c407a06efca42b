using OrleansCases.Testing;
using Xunit;

namespace OrleansCases.Web.Tests.Support;

/// <summary>A silo and up to two web instances on it, shared by one test class.</summary>
public sealed class WebFixture : IAsyncLifetime
{
    private readonly string _serviceId = UniqueName.For("webtests");
    private TestSilo? _silo;
    private WebInstance? _a;
    private WebInstance? _b;

    public WebInstance A => _a ??= new WebInstance(_serviceId, Silo.GatewayPort);

    public WebInstance B => _b ??= new WebInstance(_serviceId, Silo.GatewayPort);

    /// <summary>A further instance of this cluster with settings of its own; the caller disposes it.</summary>
    public WebInstance Create(IReadOnlyDictionary<string, string?> settings) => new(_serviceId, Silo.GatewayPort, settings: settings);

    public TestSilo Silo => _silo ?? throw new InvalidOperationException("The silo is not started.");

    public async Task InitializeAsync() =>
        _silo = await TestSilo.StartAsync(_serviceId);

    public async Task DisposeAsync()
    {
        if (_a is not null)
        {
            await _a.DisposeAsync();
        }

        if (_b is not null)
        {
            await _b.DisposeAsync();
        }

        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }
}
