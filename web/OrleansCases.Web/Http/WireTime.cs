using System.Globalization;

namespace OrleansCases.Web.Http;

/// <summary>A time as hub messages carry it, the same in JSON and MessagePack: ISO-8601 UTC, to the tick.</summary>
public static class WireTime
{
    public static string Of(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
