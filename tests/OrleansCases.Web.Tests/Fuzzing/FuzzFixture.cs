using OrleansCases.Testing;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>
/// A real silo with a read-model table of its own and two web instances on it, tuned so that nothing but the fuzzer's
/// own input decides an answer: rate limits far above what one sequential fuzzer sends (a 429 would be the limiter
/// speaking, not the API), and a request deadline well past any healthy request on a busy 2-core machine (no outage is
/// injected, so a 503 is always a failure).
/// </summary>
public sealed class FuzzFixture : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> _webSettings = new()
    {
        ["Auth:RateLimits:PerUser:TokenLimit"] = "1000000",
        ["Auth:RateLimits:PerUser:TokensPerPeriod"] = "1000000",
        ["Auth:RateLimits:PerUser:ReplenishmentPeriod"] = "00:00:01",
        ["Auth:RateLimits:HubPerUser:TokenLimit"] = "1000000",
        ["Auth:RateLimits:HubPerUser:TokensPerPeriod"] = "1000000",
        ["Auth:RateLimits:HubPerUser:ReplenishmentPeriod"] = "00:00:01",
    };

    private readonly string _serviceId = UniqueName.For("fuzz");
    private readonly List<WebInstance> _webs = [];
    private TestSilo? _silo;

    /// <summary>The two web instances; the fuzzer spreads requests and live connections over both.</summary>
    public IReadOnlyList<WebInstance> Webs => _webs;

    public async Task InitializeAsync()
    {
        _silo = await TestSilo.StartAsync(_serviceId);
        for (var i = 0; i < 2; i++)
        {
            var web = new WebInstance(_serviceId, _silo.GatewayPort, settings: _webSettings);
            _webs.Add(web);
            _ = web.Address;
        }
    }

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
