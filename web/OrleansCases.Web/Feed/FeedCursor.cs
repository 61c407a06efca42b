using System.Buffers.Text;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace OrleansCases.Web.Feed;

/// <summary>
/// A position in the feeds of one or more regions: the last sequence number seen per region. Opaque to clients;
/// an admin's spans every region, anyone else's their own.
/// </summary>
public sealed record FeedCursor(ImmutableSortedDictionary<string, long> Positions)
{
    private const string Prefix = "f1";

    public static FeedCursor Empty { get; } = new(ImmutableSortedDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal));

    public long this[string region] => Positions.GetValueOrDefault(region);

    public FeedCursor With(string region, long seq) => new(Positions.SetItem(region, seq));

    public string Encode()
    {
        var text = string.Join('|', Positions.Select(p => $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}").Prepend(Prefix));
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static bool TryDecode(string? cursor, out FeedCursor result)
    {
        result = Empty;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 2048 || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|');
        if (parts[0] != Prefix)
        {
            return false;
        }

        foreach (var part in parts.Skip(1))
        {
            var (region, seqText) = part.Split('=') is [var r, var s] ? (r, s) : ("", "");
            if (region.Length == 0 || !long.TryParse(seqText, NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            {
                return false;
            }

            result = result.With(region, seq);
        }

        return true;
    }
}
