using System.Reflection;

namespace OrleansCases.Testing;

/// <summary>
/// Where the repository is, for tests that read its files or run its scripts, and which build this test run uses,
/// for tests that start the apps' own output: they must run that same build.
/// </summary>
public static class Repository
{
    /// <summary>The folder holding OrleansCases.sln, above the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// Release under ./test.sh, Debug under a plain `dotnet test`: the configuration this library was built with,
    /// which is the test project's, since a build builds a project's references in its own configuration.
    /// </summary>
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
