using Microsoft.Extensions.DependencyInjection;
using OrleansCases.Grains.ReadModel;
using OrleansCases.Testing;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Reliability;

/// <summary>
/// A silo a test injects faults into (<see cref="Faults"/>) and whose grains' clock it moves (<see cref="Clock"/>),
/// and a web instance on it whose calls to the cluster can be held too (<see cref="WebFaults"/>). Tests of one class run one after another, so each leaves no fault behind it.
/// </summary>
public class FaultsFixture : IAsyncLifetime
{
    private readonly string _serviceId = UniqueName.For("faults");
    private readonly IReadOnlyDictionary<string, string?> _siloSettings;
    private readonly IReadOnlyDictionary<string, string?> _webSettings;
    private readonly List<WebInstance> _webs = [];
    private TestSilo? _silo;
    private WebInstance? _web;

    public FaultsFixture()
        : this(new Dictionary<string, string?>(), new Dictionary<string, string?>())
    {
    }

    protected FaultsFixture(IReadOnlyDictionary<string, string?> siloSettings, IReadOnlyDictionary<string, string?> webSettings)
    {
        _siloSettings = siloSettings;
        _webSettings = webSettings;
    }

    public InjectedFaults Faults { get; } = new();

    /// <summary>Faults in the calls <see cref="Web"/> makes to the cluster.</summary>
    public InjectedFaults WebFaults { get; } = new();

    /// <summary>The silo's read-model table (cases, lists and feeds), its own.</summary>
    public string Table { get; } = UniqueName.For("Faults");

    public ShiftedClock Clock { get; } = new();

    public WebInstance Web => _web ??= NewWeb(services: WebFaults.AddToClient);

    /// <summary>Another web instance on the same silo, with the fixture's web settings plus <paramref name="settings"/>.</summary>
    public WebInstance NewWeb(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>(_webSettings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var web = new WebInstance(_serviceId, _silo!.GatewayPort, settings: all, services: services);
        _webs.Add(web);
        return web;
    }

    public async Task InitializeAsync() =>
        _silo = await TestSilo.StartAsync(
            _serviceId, _siloSettings,
            readModelTable: Table,
            services: services =>
            {
                Faults.AddToSilo(services);
                services.AddKeyedSingleton<TimeProvider>(CaseClock.Key, Clock);
            });

    public async Task DisposeAsync()
    {
        foreach (var web in _webs)
        {
            await web.DisposeAsync();
        }

        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }
}
