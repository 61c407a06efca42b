using OrleansCases.Testing;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Identity;

/// <summary>
/// A silo and web instances that differ from <see cref="WebFixture"/>'s: <see cref="Limited"/> with rate limits low
/// enough to reach in a test and nothing replenished during it, <see cref="Plain"/> with the defaults on the same
/// cluster (to look at what the limited one let through), and Production instances made per test.
/// </summary>
public sealed class IdentityFixture : IAsyncLifetime
{
    /// <summary>Its own service id: two fixtures' silos sharing one would share stream pub-sub state in storage.</summary>
    public string ServiceId { get; } = UniqueName.For("idtests");

    /// <summary>The limits of <see cref="Limited"/>: per user on the API, per user name and per address on sign-in.</summary>
    public const int ApiLimit = 5;
    public const int SignInPerUserNameLimit = 3;
    public const int SignInPerAddressLimit = 6;

    private TestSilo? _silo;
    private WebInstance? _limited;
    private WebInstance? _plain;

    public WebInstance Limited => _limited ??= Create("Development", new Dictionary<string, string?>
    {
        ["Auth:RateLimits:PerUser:TokenLimit"] = $"{ApiLimit}",
        ["Auth:RateLimits:PerUser:TokensPerPeriod"] = "1",
        ["Auth:RateLimits:PerUser:ReplenishmentPeriod"] = "01:00:00",
        ["Auth:RateLimits:SignInPerUserName:TokenLimit"] = $"{SignInPerUserNameLimit}",
        ["Auth:RateLimits:SignInPerUserName:TokensPerPeriod"] = "1",
        ["Auth:RateLimits:SignInPerUserName:ReplenishmentPeriod"] = "01:00:00",
        ["Auth:RateLimits:SignInPerAddress:TokenLimit"] = $"{SignInPerAddressLimit}",
        ["Auth:RateLimits:SignInPerAddress:TokensPerPeriod"] = "1",
        ["Auth:RateLimits:SignInPerAddress:ReplenishmentPeriod"] = "01:00:00",
    });

    public WebInstance Plain => _plain ??= Create("Development", new Dictionary<string, string?>());

    /// <summary>The certificate Production instances encrypt their Data Protection keys with.</summary>
    public TestCertificate Certificate { get; } = new();

    /// <summary>A new instance of this cluster; the caller disposes it.</summary>
    public WebInstance Create(
        string environment, IReadOnlyDictionary<string, string?> settings, Microsoft.Extensions.Logging.ILoggerProvider? logs = null) =>
        new(ServiceId, Silo.GatewayPort, environment, settings, logs);

    private TestSilo Silo => _silo ?? throw new InvalidOperationException("The silo is not started.");

    public async Task InitializeAsync() =>
        _silo = await TestSilo.StartAsync(ServiceId);

    public async Task DisposeAsync()
    {
        if (_limited is not null)
        {
            await _limited.DisposeAsync();
        }

        if (_plain is not null)
        {
            await _plain.DisposeAsync();
        }

        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        Certificate.Dispose();
    }
}
