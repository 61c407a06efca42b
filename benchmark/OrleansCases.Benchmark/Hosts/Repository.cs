namespace OrleansCases.Benchmark.Hosts;

/// <summary>Paths in the repository this benchmark was built from.</summary>
public static class Repository
{
    /// <summary>The folder holding OrleansCases.sln, above this program.</summary>
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

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
