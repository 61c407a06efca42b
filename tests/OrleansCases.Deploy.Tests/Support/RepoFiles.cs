using OrleansCases.Testing;

namespace OrleansCases.Deploy.Tests.Support;

/// <summary>Files of the repository this test runs from (<see cref="Repository.Root"/>), by repository-relative path.</summary>
public static class RepoFiles
{
    public static string PathOf(string relative) => Path.Combine(Repository.Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Every YAML manifest under deploy/k8s, as repository-relative paths.</summary>
    public static IReadOnlyList<string> KubernetesFiles() =>
        [.. Directory.GetFiles(PathOf("deploy/k8s"), "*.yaml").Select(f => "deploy/k8s/" + Path.GetFileName(f)).Order(StringComparer.Ordinal)];
}
