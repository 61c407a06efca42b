using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace OrleansCases.Abstractions;

/// <summary>Case identifiers.</summary>
public static class CaseIds
{
    /// <summary>
    /// The id of the case a create command makes. Deriving it from (caller, commandId) makes a replayed create land on
    /// the same grain, which answers with the case it already made instead of making a second one.
    /// </summary>
    public static string ForCreate(string callerId, string commandId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"create\n{callerId}\n{commandId}"));
        return "c" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    /// <summary>Whether <paramref name="id"/> has the shape of a case id (cheap rejection of garbage before a grain call).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: 25 } && id[0] == 'c' && !id.AsSpan(1).ContainsAnyExcept(_lowerHex);

    private static readonly SearchValues<char> _lowerHex = SearchValues.Create("0123456789abcdef");
}
