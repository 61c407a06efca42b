namespace OrleansCases.Testing;

/// <summary>
/// The Azurite the tests use: ./test.sh starts one of its own and exports its connection string in
/// ORLEANSCASES_TEST_STORAGE; without it (a plain `dotnet test`, an IDE), Azurite on its default ports.
/// </summary>
public static class TestStorage
{
    /// <summary>The connection string ./test.sh exported, or null when the tests run without it.</summary>
    public static string? Exported { get; } =
        Environment.GetEnvironmentVariable("ORLEANSCASES_TEST_STORAGE") is { Length: > 0 } cs ? cs : null;

    public static string ConnectionString { get; } = Exported ?? "UseDevelopmentStorage=true";
}
