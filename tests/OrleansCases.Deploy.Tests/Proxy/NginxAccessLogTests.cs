using System.Text.RegularExpressions;
using OrleansCases.Deploy.Tests.Support;
using Xunit;

namespace OrleansCases.Deploy.Tests.Proxy;

/// <summary>
/// deploy/compose/nginx.conf writes no query string to its access log: the hub's requests carry the bearer token in
/// it (access_token), and nginx's default formats ("combined", the image's "main") log the request line, query included.
/// </summary>
[Trait("Category", "Deploy")]
public sealed partial class NginxAccessLogTests
{
    [Fact]
    public void Every_log_format_leaves_out_the_query_string()
    {
        var formats = Nginx.Directive("log_format");

        Assert.NotEmpty(formats);
        Assert.All(formats, format => Assert.DoesNotMatch(QueryBearing(), format));
    }

    [Fact]
    public void Every_access_log_is_off_or_uses_a_format_of_this_file()
    {
        var defined = Nginx.Directive("log_format").Select(f => f.Split(' ')[0]).ToList();
        var logs = Nginx.Directive("access_log");

        // Without an access_log of its own, the server logs with the image's format, which writes $request.
        Assert.NotEmpty(logs);
        foreach (var log in logs)
        {
            var args = log.Split(' ');
            Assert.True(args[0] == "off" || (args.Length > 1 && defined.Contains(args[1])), $"access_log {log}: not a format of {Nginx.File} (nginx's default logs $request)");
        }
    }

    /// <summary>The variables that hold the query string: the request line, the raw URI, the arguments, one argument.</summary>
    [GeneratedRegex(@"\$(request|request_uri|args|query_string)(?![A-Za-z0-9_])|\$arg_[A-Za-z0-9_]+")]
    private static partial Regex QueryBearing();
}
