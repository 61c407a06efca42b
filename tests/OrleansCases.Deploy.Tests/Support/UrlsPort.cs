using Xunit;

namespace OrleansCases.Deploy.Tests.Support;

/// <summary>The ports of a Urls setting (URLs separated by ';').</summary>
public static class UrlsPort
{
    /// <summary>The port of a single-URL setting, as most deployment files give it.</summary>
    public static int Of(string urls) => Assert.Single(All(urls));

    public static IReadOnlyList<int> All(string urls) => [.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u).Port)];
}
