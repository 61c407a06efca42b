using Xunit;

namespace OrleansCases.Deploy.Tests.Support;

/// <summary>The port of a Urls setting (a single URL, as every deployment file gives it).</summary>
public static class UrlsPort
{
    public static int Of(string urls) => new Uri(Assert.Single(urls.Split(';', StringSplitOptions.RemoveEmptyEntries))).Port;
}
