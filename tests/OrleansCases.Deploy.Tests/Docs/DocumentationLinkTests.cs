using System.Text.RegularExpressions;
using OrleansCases.Deploy.Tests.Support;
using OrleansCases.Testing;
using Xunit;

namespace OrleansCases.Deploy.Tests.Docs;

/// <summary>
/// The repository's documents are its own: every relative link in a Markdown file names a file or folder inside the
/// repository (a fresh clone has it), and nothing refers to documents kept outside it.
/// </summary>
public sealed partial class DocumentationLinkTests
{
    public static TheoryData<string> MarkdownFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Repository.Root, "*.md", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(Repository.Root, f).Replace(Path.DirectorySeparatorChar, '/'))
                     .Where(f => !f.Split('/').Any(IsGeneratedFolder))
                     .Order(StringComparer.Ordinal))
        {
            files.Add(file);
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Every_relative_link_names_a_committed_file_or_folder_inside_the_repository(string document)
    {
        var folder = Path.GetDirectoryName(RepoFiles.PathOf(document))!;
        var broken = new List<string>();
        foreach (Match link in MarkdownLink().Matches(RepoFiles.Read(document)))
        {
            var target = link.Groups["target"].Value;
            if (target.StartsWith('#') || Uri.TryCreate(target, UriKind.Absolute, out _))
            {
                continue;
            }

            var path = Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(target.Split('#')[0])));
            var inside = path.StartsWith(Repository.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || path == Repository.Root;
            var generated = Path.GetRelativePath(Repository.Root, path).Split(Path.DirectorySeparatorChar).Any(IsGeneratedFolder);
            if (!inside || generated || !(File.Exists(path) || Directory.Exists(path)))
            {
                broken.Add(target);
            }
        }

        Assert.True(broken.Count == 0, $"{document} links to what a fresh clone does not have: {string.Join(", ", broken)}");
    }

    [Fact]
    public void Nothing_refers_to_the_design_documents_outside_the_repository()
    {
        var outside = Directory.EnumerateFiles(Repository.Root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetRelativePath(Repository.Root, f).Split(Path.DirectorySeparatorChar) is var parts
                        && !parts.Any(IsGeneratedFolder)
                        && Path.GetExtension(f) is ".md" or ".cs" or ".sh" or ".js" or ".mjs" or ".json" or ".yaml" or ".props")
            .Where(f => OutsideDocument().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Repository.Root, f))
            .ToList();
        Assert.Empty(outside);
    }

    [Fact]
    public void The_readmes_walk_of_a_command_names_each_file_it_crosses_once_and_each_exists()
    {
        var readme = RepoFiles.Read("README.md");
        var start = readme.IndexOf("### One command, from HTTP to SignalR", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no walk of a command.");
        var end = readme.IndexOf("\n### ", start + 4, StringComparison.Ordinal);
        var walk = readme[start..end];
        var files = WalkedFile().Matches(walk).Select(m => m.Groups["path"].Value).ToList();

        Assert.True(files.Count >= 20, $"The walk names only {files.Count} files.");
        Assert.Empty(files.GroupBy(f => f).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.DoesNotContain(files, f => !File.Exists(RepoFiles.PathOf(Expand(f))));
    }

    // Build output, installed packages and test results: never committed, so never linked to.
    private static bool IsGeneratedFolder(string name) => name is "bin" or "obj" or "node_modules" or "TestResults" or ".git";

    private static string Expand(string shortened) => shortened.Split('/', 2) switch
    {
        ["Web", var rest] => "web/OrleansCases.Web/" + rest,
        ["Abstractions", var rest] => "src/OrleansCases.Abstractions/" + rest,
        ["Grains", var rest] => "src/OrleansCases.Grains/" + rest,
        ["Hosting", var rest] => "src/OrleansCases.Hosting/" + rest,
        _ => shortened,
    };

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\.\./shared/|shared/(?:design\.md|seed/)")]
    private static partial Regex OutsideDocument();

    [GeneratedRegex(@"`(?<path>[A-Za-z]+/[\w/.]+\.(?:cs|js))`")]
    private static partial Regex WalkedFile();
}
