namespace OrleansCases.Web.Tests.Support;

/// <summary>The Azurite the tests use: ./test.sh starts its own and says where; otherwise the default ports.</summary>
public static class TestStorage
{
    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("ORLEANSCASES_TEST_STORAGE") is { Length: > 0 } cs ? cs : "UseDevelopmentStorage=true";
}
