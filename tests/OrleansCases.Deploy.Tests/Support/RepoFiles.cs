namespace OrleansCases.Deploy.Tests.Support;

/// <summary>Files of the repository this test runs from, found by walking up to OrleansCases.sln.</summary>
public static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Every YAML manifest under deploy/k8s, as repository-relative paths.</summary>
    public static IReadOnlyList<string> KubernetesFiles() =>
        [.. Directory.GetFiles(PathOf("deploy/k8s"), "*.yaml").Select(f => "deploy/k8s/" + Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrleansCases.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OrleansCases.sln not found above " + AppContext.BaseDirectory);
    }
}
