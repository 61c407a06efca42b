using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrleansCases.Testing;
using OrleansCases.Web.Tests.Support;
using Xunit;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>
/// What the browser tests share: a silo, the web as a real process on a real loopback port, and Debian's headless
/// Chromium driven by Playwright (never a downloaded browser). Each user gets a browser context of their own.
/// </summary>
public class PortalFixture : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string?>? _siloSettings;
    private readonly Action<IServiceCollection>? _siloServices;
    private readonly IReadOnlyDictionary<string, string>? _webSettings;

    public PortalFixture()
    {
    }

    /// <summary>
    /// A fixture whose silo runs with <paramref name="siloSettings"/> (e.g. a short feed retention) and services of
    /// the test's (e.g. the grains' clock).
    /// </summary>
    protected PortalFixture(
        IReadOnlyDictionary<string, string?> siloSettings, Action<IServiceCollection>? siloServices = null,
        IReadOnlyDictionary<string, string>? webSettings = null)
    {
        _siloSettings = siloSettings;
        _siloServices = siloServices;
        _webSettings = webSettings;
    }

    /// <summary>Debian's package; ./test.sh installs it. Playwright must not download one (it cannot here).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private TestSilo? _silo;
    private IPlaywright? _playwright;

    public string ServiceId { get; } = UniqueName.For("portaltests");

    public WebProcess Web { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public int GatewayPort => _silo?.GatewayPort ?? throw new InvalidOperationException("The silo is not started.");

    /// <summary>Where the tests leave what people should look at (screenshots): TestResults/ at the repository root.</summary>
    public static string OutputDirectory { get; } = Path.Combine(Repository.Root, "TestResults", "portal");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh (it installs Debian's chromium) or apt-get install -y chromium.");
        }

        _silo = await TestSilo.StartAsync(ServiceId, _siloSettings, services: _siloServices);
        Web = await WebProcess.StartAsync(ServiceId, _silo.GatewayPort, settings: _webSettings);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Assertions.SetDefaultExpectTimeout(20_000);
        Directory.CreateDirectory(OutputDirectory);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Web is not null)
        {
            await Web.DisposeAsync();
        }

        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }
}

/// <summary>Browser tests share one fixture and run one after another: two cores, one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class PortalGroup : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal";
}
