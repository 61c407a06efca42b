using System.Globalization;

namespace OrleansCases.Web.Tests.Fuzzing;

/// <summary>Query strings: parameters in any order, each value escaped.</summary>
public static class Queries
{
    public static string Path(string path, IReadOnlyList<(string Name, string? Value)> parameters, int pick)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var present = parameters.Where(p => p.Value is not null).ToList();
        if (present.Count == 0)
        {
            return path;
        }

        var by = pick % present.Count;
        var ordered = present.Skip(by).Concat(present.Take(by));
        return path + "?" + string.Join("&", ordered.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
    }
}

/// <summary>The limit parameter of lists and the feed, valid or not.</summary>
public static class Limits
{
    public static string? Text(LimitKind kind, int pick, int max) => kind switch
    {
        LimitKind.Absent => null,
        LimitKind.Small => (1 + (pick % 5)).ToString(CultureInfo.InvariantCulture),
        LimitKind.Valid => (1 + (pick % max)).ToString(CultureInfo.InvariantCulture),
        LimitKind.Zero => "0",
        LimitKind.OverMax => (max + 1).ToString(CultureInfo.InvariantCulture),
        LimitKind.Negative => "-1",
        _ => Garbage.Of(Garbage.NotNumbers, pick),
    };

    /// <summary>How the API reads the text: absent is null, an int is its value, anything else is refused.</summary>
    public static bool TryParse(string? text, out int? limit)
    {
        limit = null;
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            limit = value;
            return true;
        }

        return false;
    }
}
