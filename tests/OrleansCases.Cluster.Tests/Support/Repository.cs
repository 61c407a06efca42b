using System.Reflection;

namespace OrleansCases.Cluster.Tests.Support;

/// <summary>Where the repository is and which build this test run uses: cluster.sh must run that same build.</summary>
public static class Repository
{
    /// <summary>The folder holding OrleansCases.sln, above this test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Release under ./test.sh, Debug under a plain `dotnet test`.</summary>
    public static string BuildConfiguration { get; } =
        typeof(Repository).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

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
