using System.Buffers.Text;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace OrleansCases.Web.Live;

/// <summary>
/// A position in the feeds of one or more regions: the last sequence number seen per region. Opaque to clients;
/// an admin's spans every region, anyone else's their own (so it stays short however many regions there are).
/// </summary>
public sealed record FeedCursor(ImmutableSortedDictionary<string, long> Positions)
{
    private const string Prefix = "f1";

    // Shortest limit on a cursor's length, and the widest a position's seq can be written.
    private const int MinMaxLength = 2048;
    private const int SeqDigits = 19;

    public static FeedCursor Empty { get; } = new(ImmutableSortedDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal));

    public long this[string region] => Positions.GetValueOrDefault(region);

    public FeedCursor With(string region, long seq) => new(Positions.SetItem(region, seq));

    public string Encode()
    {
        var text = string.Join('|', Positions.Select(p => $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}").Prepend(Prefix));
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>
    /// The longest cursor worth decoding when <paramref name="regions"/> are served: one naming all of them at the
    /// highest seq. A fixed limit would refuse every admin's cursor once there are enough regions (about 100 at 2,048
    /// characters), and their catch-up would never succeed.
    /// </summary>
    public static int MaxLengthFor(IReadOnlyCollection<string> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var text = Prefix.Length + regions.Sum(r => 1 + Encoding.UTF8.GetByteCount(r) + 1 + SeqDigits);
        return Math.Max(MinMaxLength, Base64Url.GetEncodedLength(text));
    }

    public static bool TryDecode(string? cursor, int maxLength, out FeedCursor result)
    {
        result = Empty;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > maxLength || !Base64Url.IsValid(cursor))
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
