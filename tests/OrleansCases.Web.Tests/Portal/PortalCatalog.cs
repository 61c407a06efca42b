using System.Collections.Concurrent;
using System.Text.Json;
using OrleansCases.Testing;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>The portal's message catalogs (wwwroot/locales), as the tests read them: a test in Hindi looks for the words the catalog gives.</summary>
public static class PortalCatalog
{
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _catalogs = new();

    public static string Wwwroot { get; } = Path.Combine(Repository.Root, "web", "OrleansCases.Web", "wwwroot");

    public static IEnumerable<string> Languages =>
        Directory.GetFiles(Path.Combine(Wwwroot, "locales"), "*.json").Select(file => Path.GetFileNameWithoutExtension(file));

    public static IReadOnlyDictionary<string, string> Of(string language) =>
        _catalogs.GetOrAdd(language, code =>
            JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(Wwwroot, "locales", $"{code}.json")))!);

    /// <summary>The catalog's text for <paramref name="key"/> with its {{placeholders}} filled in.</summary>
    public static string Text(string language, string key, params (string Name, string Value)[] values) =>
        values.Aggregate(Of(language)[key], (text, value) => text.Replace($"{{{{{value.Name}}}}}", value.Value, StringComparison.Ordinal));
}
