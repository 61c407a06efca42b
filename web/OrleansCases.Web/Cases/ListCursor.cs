using System.Buffers.Text;
using System.Text;

namespace OrleansCases.Web.Cases;

/// <summary>A list page's cursor: opaque to clients, the last row key of the page to us.</summary>
public static class ListCursor
{
    private const string Prefix = "l1:";

    public static string? Encode(string? rowKey) =>
        rowKey is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + rowKey));

    public static bool TryDecode(string? cursor, out string? rowKey)
    {
        rowKey = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        if (cursor.Length > 512 || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        rowKey = text[Prefix.Length..];
        return true;
    }
}
