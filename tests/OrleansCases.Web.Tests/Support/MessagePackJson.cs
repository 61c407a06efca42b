using System.Collections;
using System.Text.Json.Nodes;

namespace OrleansCases.Web.Tests.Support;

/// <summary>A value as a MessagePack hub client gets it (maps, arrays, scalars), turned into JSON to compare with the JSON protocol's.</summary>
public static class MessagePackJson
{
    public static JsonNode? From(object? value) => value switch
    {
        null => null,
        IDictionary map => new JsonObject(map.Keys.Cast<object>().Select(k => KeyValuePair.Create(k.ToString()!, From(map[k])))),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        double or float => JsonValue.Create(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
        IEnumerable items => new JsonArray([.. items.Cast<object?>().Select(From)]),
        _ => JsonValue.Create(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
    };
}
