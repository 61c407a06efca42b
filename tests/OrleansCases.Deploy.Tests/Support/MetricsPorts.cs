using Microsoft.Extensions.Configuration;
using OrleansCases.Web.Telemetry;

namespace OrleansCases.Deploy.Tests.Support;

/// <summary>
/// The ports on which a host answers /metrics with the settings a container gives it: the web's Metrics:Port when it
/// is set (<see cref="MetricsOptions"/>), else every port it listens on (the silo always).
/// </summary>
public static class MetricsPorts
{
    public static IReadOnlyList<int> Of(AppKind app, IReadOnlyDictionary<string, string> environment)
    {
        var configuration = AppSettings.Build(app, environment);
        var port = app == AppKind.Web ? configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>()?.Port : null;
        return port is { } only ? [only] : UrlsPort.All(configuration["Urls"] ?? "");
    }
}
