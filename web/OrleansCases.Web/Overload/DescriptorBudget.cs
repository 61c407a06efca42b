using System.Globalization;

namespace OrleansCases.Web.Overload;

/// <summary>
/// How many client connections this process can hold: its soft limit on open files (Linux: /proc/self/limits) less a
/// reserve for the cluster, storage, logs and the runtime (1,024, or a quarter of a smaller limit). Null where the
/// limit cannot be read (then Kestrel's own default, no limit, applies).
/// </summary>
public static class DescriptorBudget
{
    /// <summary>Descriptors kept for everything that is not a client connection, at most.</summary>
    public const int Reserve = 1024;

    public static int? Connections()
    {
        const string path = "/proc/self/limits";
        if (!File.Exists(path))
        {
            return null;
        }

        // "Max open files            1024                 1048576              files"
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var fields = line?[14..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is [var soft, ..] && long.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
            ? (int)Math.Clamp(limit - Math.Min(Reserve, limit / 4), 4, int.MaxValue)
            : null;
    }
}
