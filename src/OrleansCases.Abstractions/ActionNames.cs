using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace OrleansCases.Abstractions;

/// <summary>The kebab-case names of actions, as used in URLs and JSON, read from the enum's own attributes.</summary>
public static class ActionNames
{
    private static readonly FrozenDictionary<CaseAction, string> _wire = Enum.GetValues<CaseAction>().ToFrozenDictionary(
        a => a,
        a => typeof(CaseAction).GetField(a.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name);

    private static readonly FrozenDictionary<string, CaseAction> _byWire =
        _wire.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string ToWire(CaseAction action) => _wire[action];

    public static bool TryParse(string? wire, out CaseAction action) => _byWire.TryGetValue(wire ?? "", out action);
}
