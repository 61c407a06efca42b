using System.Text.RegularExpressions;
using OrleansCases.Abstractions;
using Xunit;

namespace OrleansCases.Web.Tests.Portal;

/// <summary>
/// Every string of the portal comes from a message catalog (issue 12, acceptance 2): each key the portal's scripts
/// and page name is in every catalog, the catalogs hold the same keys with the same placeholders, and no value is
/// empty. Keys made at run time (<c>t(`status.${s}`)</c>) must be one of the families below, each checked for every
/// value the server can send. The Hindi browser test checks the other side: no English left on a Hindi page.
/// </summary>
[Trait("Category", "Web")]
public sealed partial class CatalogTests
{
    private static readonly string _wwwroot = PortalCatalog.Wwwroot;

    /// <summary>The families of keys made at run time, and every value each can be made with.</summary>
    private static readonly Dictionary<string, IEnumerable<string>> _families = new()
    {
        ["status."] = Enum.GetNames<CaseStatus>(),
        ["priority."] = WireName.All<CasePriority>(),
        ["action."] = WireName.All<CaseAction>(),
        ["role."] = WireName.All<UserRole>(),
        ["silo."] = Enum.GetNames<SiloStatus>(),
        ["live."] = ["connected", "connecting", "offline"],
    };

    public static TheoryData<string> Languages() => [.. PortalCatalog.Languages];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_key_the_portal_uses_is_in_the_catalog(string language)
    {
        var catalog = Read(language);
        var missing = UsedKeys().Where(key => !catalog.ContainsKey(key)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{language}.json lacks: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Each_catalog_has_the_english_keys_and_placeholders_and_no_empty_text(string language)
    {
        var english = Read("en");
        var catalog = Read(language);
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), catalog.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in catalog)
        {
            Assert.False(string.IsNullOrWhiteSpace(text), $"{language}.json: {key} is empty");
            Assert.Equal(Placeholders(english[key]), Placeholders(text));
        }
    }

    [Fact]
    public void The_catalog_holds_nothing_the_portal_never_asks_for()
    {
        var used = UsedKeys();
        var unused = Read("en").Keys.Where(key => !used.Contains(key)).ToList();
        Assert.True(unused.Count == 0, $"en.json keys no script or page uses: {string.Join(", ", unused)}");
    }

    [Fact]
    public void The_scan_finds_the_keys_of_each_kind_of_use()
    {
        // Against a scan that silently finds nothing: one key of each way the portal names them.
        var used = UsedKeys();
        Assert.Contains("auth.signIn", used);        // data-i18n in index.html
        Assert.Contains("toast.dismiss", used);      // t('…') in a script
        Assert.Contains("field.question", used);     // a key kept in a table and passed to t() later
        Assert.Contains("status.NeedsInfo", used);   // a family: t(`status.${status}`)
    }

    private static HashSet<string> UsedKeys()
    {
        var namespaces = Read("en").Keys.Select(key => key[..(key.IndexOf('.', StringComparison.Ordinal) + 1)]).ToHashSet();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(_wwwroot, "js"), "*.js"))
        {
            var script = File.ReadAllText(file);
            // Any quoted literal of the catalog's shape is a key: direct t('…') calls and keys kept in tables alike.
            foreach (Match match in KeyLiteral().Matches(script))
            {
                var key = match.Groups["key"].Value;
                if (namespaces.Contains(key[..(key.IndexOf('.', StringComparison.Ordinal) + 1)]))
                {
                    keys.Add(key);
                }
            }

            foreach (Match match in FamilyCall().Matches(script))
            {
                var family = match.Groups["family"].Value;
                Assert.True(_families.TryGetValue(family, out var values), $"{Path.GetFileName(file)} makes keys under {family}, which this test does not know the values of");
                keys.UnionWith(values.Select(value => family + value));
            }
        }

        foreach (Match match in PageKey().Matches(File.ReadAllText(Path.Combine(_wwwroot, "index.html"))))
        {
            keys.Add(match.Groups["key"].Value);
        }

        return keys;
    }

    private static IReadOnlyDictionary<string, string> Read(string language) => PortalCatalog.Of(language);

    private static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"'(?<key>[a-z]+\.[A-Za-z-]+)'")]
    private static partial Regex KeyLiteral();

    [GeneratedRegex(@"\bt\(\s*`(?<family>[a-z]+\.)\$\{")]
    private static partial Regex FamilyCall();

    [GeneratedRegex(@"data-i18n(?:-label)?=""(?<key>[^""]+)""")]
    private static partial Regex PageKey();

    [GeneratedRegex(@"\{\{\s*\w+\s*\}\}")]
    private static partial Regex Placeholder();
}
