using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using OrleansCases.Grains.ReadModel;
using OrleansCases.Hosting;
using OrleansCases.Web.Cases;
using OrleansCases.Web.Identity;
using OrleansCases.Web.Telemetry;

namespace OrleansCases.Deploy.Tests.Support;

/// <summary>
/// A host's settings as a container would give them: its appsettings.json overlaid with the container's environment,
/// bound to the real options classes and put through the validators the host runs at start.
/// </summary>
public static class AppSettings
{
    public static IConfiguration Build(AppKind app, IReadOnlyDictionary<string, string> environment)
    {
        var folder = app == AppKind.Silo ? "silo/OrleansCases.Silo" : "web/OrleansCases.Web";
        return new ConfigurationBuilder()
            .AddJsonFile(RepoFiles.PathOf(folder + "/appsettings.json"))
            .AddInMemoryCollection(environment.Select(e => KeyValuePair.Create(e.Key.Replace("__", ":", StringComparison.Ordinal), (string?)e.Value)))
            .Build();
    }

    public static CasesClusterOptions Cluster(IConfiguration configuration) =>
        configuration.GetSection(CasesClusterOptions.Section).Get<CasesClusterOptions>() ?? new();

    /// <summary>What the host would refuse at start with these settings; empty when it would start.</summary>
    public static IReadOnlyList<string> Refusals(AppKind app, IReadOnlyDictionary<string, string> environment)
    {
        var configuration = Build(app, environment);
        var refusals = new List<string>();
        Check(refusals, new CasesClusterOptionsValidator(), Cluster(configuration));
        Check(refusals, new StorageOptionsValidator(), Bind<StorageOptions>(configuration, StorageOptions.Section));
        if (app == AppKind.Silo)
        {
            Check(refusals, new ReadModelOptionsValidator(), Bind<ReadModelOptions>(configuration, ReadModelOptions.Section));
            Check(refusals, new FeedRetentionOptionsValidator(), Bind<FeedRetentionOptions>(configuration, FeedRetentionOptions.Section));
        }
        else
        {
            Check(refusals, new CasesOptionsValidator(), Bind<CasesOptions>(configuration, CasesOptions.Section));
            Check(refusals, new MetricsOptionsValidator(), Bind<MetricsOptions>(configuration, MetricsOptions.Section));
            var hosting = new HostingEnvironment { EnvironmentName = configuration["ASPNETCORE_ENVIRONMENT"] ?? "Production" };
            try
            {
                Bind<AuthOptions>(configuration, AuthOptions.Section).EnsureValidFor(hosting);
            }
            catch (InvalidOperationException refused)
            {
                refusals.Add(refused.Message);
            }
        }

        return refusals;
    }

    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new() => configuration.GetSection(section).Get<T>() ?? new();

    private static void Check<T>(List<string> refusals, IValidateOptions<T> validator, T options)
        where T : class
    {
        var result = validator.Validate(null, options);
        if (result.Failed)
        {
            refusals.AddRange(result.Failures);
        }
    }
}
