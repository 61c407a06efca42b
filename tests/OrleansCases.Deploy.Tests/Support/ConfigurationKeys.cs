using System.Collections;
using Orleans.Hosting.Kubernetes;
using OrleansCases.Grains.Escalation;
using OrleansCases.Grains.Queue;
using OrleansCases.Grains.ReadModel;
using OrleansCases.Grains.Reads;
using OrleansCases.Hosting;
using OrleansCases.Web.Cases;
using OrleansCases.Web.Identity;
using OrleansCases.Web.Proxy;
using OrleansCases.Web.Telemetry;

namespace OrleansCases.Deploy.Tests.Support;

/// <summary>
/// The configuration keys each host really reads, derived by reflection from the options classes it binds (and the
/// few keys of the framework and of Orleans' Kubernetes hosting), so that a renamed option fails the deploy tests.
/// </summary>
public static class ConfigurationKeys
{
    /// <summary>Stands for any array index in a derived key, e.g. Cases:Regions:#.</summary>
    private const string Index = "#";

    private static readonly string[] FrameworkKeys = ["Urls", "ASPNETCORE_ENVIRONMENT"];

    private static readonly string[] KubernetesHostingVariables =
    [
        KubernetesHostingOptions.PodNameEnvironmentVariable,
        KubernetesHostingOptions.PodNamespaceEnvironmentVariable,
        KubernetesHostingOptions.PodIPEnvironmentVariable,
        KubernetesHostingOptions.ServiceIdEnvironmentVariable,
        KubernetesHostingOptions.ClusterIdEnvironmentVariable,
    ];

    public static IReadOnlySet<string> Of(AppKind app)
    {
        var keys = new HashSet<string>(FrameworkKeys, StringComparer.OrdinalIgnoreCase);
        keys.UnionWith(KeysOf(typeof(StorageOptions), StorageOptions.Section));
        keys.UnionWith(KeysOf(typeof(CasesClusterOptions), CasesClusterOptions.Section));
        if (app == AppKind.Silo)
        {
            keys.UnionWith(KeysOf(typeof(ReadModelOptions), ReadModelOptions.Section));
            keys.UnionWith(KeysOf(typeof(FeedRetentionOptions), FeedRetentionOptions.Section));
            keys.UnionWith(KeysOf(typeof(EscalationOptions), EscalationOptions.Section));
            keys.UnionWith(KeysOf(typeof(ReadAuditOptions), ReadAuditOptions.Section));
            keys.UnionWith(KeysOf(typeof(QueueSummaryOptions), QueueSummaryOptions.Section));
            keys.UnionWith(KubernetesHostingVariables);
        }
        else
        {
            keys.UnionWith(KeysOf(typeof(AuthOptions), AuthOptions.Section));
            keys.UnionWith(KeysOf(typeof(CasesOptions), CasesOptions.Section));
            keys.UnionWith(KeysOf(typeof(ProxyOptions), ProxyOptions.Section));
            keys.UnionWith(KeysOf(typeof(MetricsOptions), MetricsOptions.Section));
        }

        return keys;
    }

    /// <summary>Whether an environment variable name (Section__Key, array items as Section__Key__0) is a key the app reads.</summary>
    public static bool Reads(AppKind app, string environmentVariable)
    {
        var segments = environmentVariable.Split("__");
        var pattern = string.Join(':', segments.Select(s => s.All(char.IsAsciiDigit) && s.Length > 0 ? Index : s));
        return Of(app).Contains(pattern);
    }

    /// <summary>The environment variable name of a configuration key (':' becomes '__').</summary>
    public static string Variable(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    private static IEnumerable<string> KeysOf(Type type, string prefix)
    {
        foreach (var property in type.GetProperties().Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var key = prefix + ":" + property.Name;
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(t))
            {
                yield return key;
            }
            else if (typeof(IEnumerable).IsAssignableFrom(t))
            {
                yield return key + ":" + Index;
            }
            else
            {
                foreach (var nested in KeysOf(t, key))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsScalar(Type t) =>
        t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan) || t == typeof(Uri);
}
