using System.Globalization;

namespace OrleansCases.Web.Http;

/// <summary>
/// The <c>limit</c> query parameter, read by the API itself rather than bound as an int: the framework answers a value
/// that is no int (<c>limit=abc</c>) with an exception, which reached the exception handler as a 500 in Development,
/// and with an empty 400 without <c>errors</c> elsewhere. Read here, it gets the same problem details as a limit out
/// of range (found by the fuzz tests).
/// </summary>
public static class QueryLimit
{
    /// <summary>Null when absent; false when present but no whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static bool TryRead(string? text, int min, int max, out int? limit)
    {
        limit = null;
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            limit = value;
            return true;
        }

        return false;
    }
}
