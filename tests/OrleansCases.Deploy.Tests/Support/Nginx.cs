using System.Text.RegularExpressions;

namespace OrleansCases.Deploy.Tests.Support;

/// <summary>deploy/compose/nginx.conf as its directives (comments dropped), enough to check what the proxy does.</summary>
public static partial class Nginx
{
    public const string File = "deploy/compose/nginx.conf";

    public static string Text { get; } = string.Join('\n', RepoFiles.Read(File).Split('\n').Select(l => l.Split('#')[0]));

    /// <summary>The arguments of every occurrence of a directive, e.g. Directive("proxy_set_header").</summary>
    public static IReadOnlyList<string> Directive(string name) =>
        [.. Regex.Matches(Text, @"(?m)^\s*" + Regex.Escape(name) + @"\s+([^;{]*)[;{]").Select(m => Whitespace().Replace(m.Groups[1].Value.Trim(), " "))];

    /// <summary>The body of a block such as "upstream web" or "map $http_upgrade $connection_upgrade".</summary>
    public static string Block(string header)
    {
        var match = Regex.Match(Text, Regex.Escape(header) + @"\s*\{(?<body>[^}]*)\}");
        return match.Success ? match.Groups["body"].Value : throw new Xunit.Sdk.XunitException($"{File}: no block '{header}'");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
