using System.Text.RegularExpressions;

namespace OrleansCases.Deploy.Tests.Support;

/// <summary>deploy/compose/docker-compose.yml with its variables filled in as .env.example (or their defaults) would.</summary>
public static partial class Compose
{
    public const string File = "deploy/compose/docker-compose.yml";

    public static Node Document { get; } = Yaml.Document(RepoFiles.Read(File));

    public static IReadOnlyList<KeyValuePair<string, Node>> Services => Document["services"].Entries;

    public static Node Service(string name) => Document["services", name];

    /// <summary>Which host a service runs, by its image name; null for Azurite and the proxy.</summary>
    public static AppKind? AppOf(Node service) => service["image"].Text switch
    {
        { } image when image.StartsWith("orleanscases-silo", StringComparison.Ordinal) => AppKind.Silo,
        { } image when image.StartsWith("orleanscases-web", StringComparison.Ordinal) => AppKind.Web,
        _ => null,
    };

    public static IEnumerable<KeyValuePair<string, Node>> ServicesOf(AppKind app) => Services.Where(s => AppOf(s.Value) == app);

    /// <summary>A service's environment after interpolation, as the container would see it.</summary>
    public static IReadOnlyDictionary<string, string> Env(Node service) =>
        service["environment"].Entries.ToDictionary(e => e.Key, e => Interpolate(e.Value.Text ?? ""), StringComparer.Ordinal);

    /// <summary>${X:-default} gives the default, ${X:?message} and ${X} the value of .env.example (empty when unset there).</summary>
    public static string Interpolate(string value) => Variable().Replace(value, m =>
        m.Groups["op"].Value == ":-" ? m.Groups["rest"].Value : (EnvExample.TryGetValue(m.Groups["name"].Value, out var v) ? v : ""));

    public static IReadOnlyDictionary<string, string> EnvExample { get; } =
        RepoFiles.Read("deploy/compose/.env.example").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('=', StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal);

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:-|:\?)(?<rest>[^}]*))?\}")]
    private static partial Regex Variable();
}
