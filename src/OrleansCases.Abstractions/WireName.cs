using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace OrleansCases.Abstractions;

/// <summary>
/// How this project's enums are spelled outside .NET (JSON, URLs, query strings, claims, MessagePack events, metric
/// tags): a member's <see cref="JsonStringEnumMemberNameAttribute"/> where it has one, else its name. The enums'
/// own <see cref="JsonStringEnumConverter{TEnum}"/> reads the same attribute, so JSON and everything else agree and a
/// name is written in one place only, on its member.
/// </summary>
public static class WireName
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.TryGetValue(value, out var wire)
            ? wire
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(TEnum).Name}.");

    /// <summary>Exactly a wire name (case-sensitive, no numbers, no .NET member names where they differ).</summary>
    public static bool TryParse<TEnum>(string? wire, out TEnum value)
        where TEnum : struct, Enum =>
        Names<TEnum>.ByWire.TryGetValue(wire ?? "", out value);

    /// <summary>Every wire name of <typeparamref name="TEnum"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum =>
        Names<TEnum>.InOrder;

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly string[] InOrder = [.. Enum.GetValues<TEnum>().Select(Read)];

        public static readonly FrozenDictionary<TEnum, string> ByValue =
            Enum.GetValues<TEnum>().Zip(InOrder).ToFrozenDictionary(p => p.First, p => p.Second);

        public static readonly FrozenDictionary<string, TEnum> ByWire =
            ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

        private static string Read(TEnum value)
        {
            var name = value.ToString();
            return typeof(TEnum).GetField(name)!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? name;
        }
    }
}
