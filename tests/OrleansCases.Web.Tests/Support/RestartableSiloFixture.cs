using OrleansCases.Testing;
using Xunit;

namespace OrleansCases.Web.Tests.Support;

/// <summary>
/// A silo of its own that a test stops (or kills, at a chosen step of the write path) and replaces with a new one on
/// the same ports and storage; the web instance and its live clients stay up through it.
/// </summary>
public sealed class RestartableSiloFixture : IAsyncLifetime
{
    private readonly string _serviceId = UniqueName.For("restart");
    private readonly string _table = UniqueName.For("Restart");
    private readonly (int Silo, int Gateway) _ports = (FreePort.Next(), FreePort.Next());
    private TestSilo? _silo;
    private WebInstance? _web;

    public WebInstance Web => _web ??= new WebInstance(_serviceId, _ports.Gateway, settings: RequestDeadline.ProductSettings);

    /// <summary>Faults of the silo now running; a replacement starts with none.</summary>
    public InjectedFaults Faults { get; private set; } = new();

    public async Task InitializeAsync() => _silo = await StartSiloAsync();

    /// <summary>Stops the silo (the web instance stays up, its clients connected) and starts a new one in its place.</summary>
    public async Task RestartSiloAsync()
    {
        await _silo!.DisposeAsync();
        Faults = new InjectedFaults();
        _silo = await StartSiloAsync();
    }

    /// <summary>Kills the silo outright and starts another in its place.</summary>
    public async Task CrashAndReplaceAsync()
    {
        await _silo!.KillAsync();
        Faults = new InjectedFaults();
        _silo = await StartSiloAsync();
    }

    public async Task DisposeAsync()
    {
        if (_web is not null)
        {
            await _web.DisposeAsync();
        }

        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }

    private Task<TestSilo> StartSiloAsync()
    {
        var faults = Faults;
        return TestSilo.StartAsync(_serviceId, ports: _ports, services: faults.AddToSilo, readModelTable: _table);
    }
}

